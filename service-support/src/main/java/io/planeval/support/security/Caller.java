package io.planeval.support.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.planeval.contracts.Actor;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who makes the current request, as its bearer token says: the subject, the client it came through ({@code azp})
 * and the organisation it acts for ({@code org}, a claim the realm adds to each organisation's clients).
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** Who this is, as the audit trail and the events keep it. */
    public Actor actor() {
        return new Actor(subject(), client(), organisation());
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public String subject() {
        return identity.isAnonymous() ? null : token.getSubject();
    }

    public String client() {
        return claim("azp");
    }

    public String organisation() {
        return claim("org");
    }

    private String claim(String name) {
        if (identity.isAnonymous()) {
            return null;
        }
        Object value = token.getClaim(name);
        return value == null ? null : value.toString();
    }
}
