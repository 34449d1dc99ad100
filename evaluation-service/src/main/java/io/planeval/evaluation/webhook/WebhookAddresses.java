package io.planeval.evaluation.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where planeval may send a webhook, against server-side request forgery: https only, to public addresses only, unless
 * the host is on the allow-list ({@code planeval.evaluation.webhooks.allowed-hosts}, e.g. 127.0.0.1 for a local run).
 * Every address the host resolves to is checked, at subscription and again before each delivery (a name may resolve
 * elsewhere later).
 */
public final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** Why the URL may not be called, or empty where it may. */
    public static Optional<String> refusal(String url, List<String> allowedHosts) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("is not an http(s) URL with a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("carries credentials: sign-in details do not belong in a webhook's URL");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean allowed = allowedHosts.stream().anyMatch(h -> h.equalsIgnoreCase(bare));
        if (!allowed && !scheme.equals("https")) {
            return Optional.of("is not https (http only for hosts on planeval.evaluation.webhooks.allowed-hosts)");
        }
        if (allowed) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!isPublic(address)) {
                    return Optional.of("resolves to " + address.getHostAddress() + ", a private, loopback or link-local address "
                        + "(allowed only for hosts on planeval.evaluation.webhooks.allowed-hosts)");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + bare);
        }
        return Optional.empty();
    }

    /** Whether the address is on the public internet: not loopback, private, link-local, shared (CGNAT), unique-local or multicast. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
            || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local
            return (b[0] & 0xfe) != 0xfc;
        }
        // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8
        return !((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) && (b[0] & 0xff) != 0;
    }
}
