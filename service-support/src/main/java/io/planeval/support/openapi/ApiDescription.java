package io.planeval.support.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.planeval.support.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every planeval API document says the same way, in one place: who to contact, and how refusals look. Every
 * error response is {@code application/problem+json} (a resource declares only the status and when it happens);
 * every operation may answer 400 (its path or query is refused before it runs), and every operation with a body
 * 413 and 415, as the HTTP checks in service-support do for all of them. Every operation takes the realm's bearer
 * token, described both as the OIDC scheme and as plain HTTP bearer, and may answer 401 and 403; one marked with an
 * empty {@code @SecurityRequirementsSet} (open data) needs none.
 */
@OpenAPIDefinition(info = @Info(title = "planeval", version = "1.0"),
    components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDescription implements OASFilter {

    /** The realm's scheme, as Quarkus OIDC names it, and the plain bearer scheme beside it. */
    private static final String OIDC = "SecurityScheme";
    private static final String BEARER = "bearerAuth";

    private static final Map<String, String> COMMON = Map.of(
        "400", "Refused: a field, parameter, path or query that is not acceptable; every violation is listed",
        "401", "No bearer token, or one that is not valid",
        "403", "The token does not hold a role this operation needs",
        "406", "Accept names no media type this operation answers in",
        "414", "The URI is longer than 4,096 characters");
    private static final String NOT_MODIFIED = "Not modified: the answer still has the ETag given in If-None-Match";
    /** An example for each parameter that names none, from the Gunma sample: a generated client or a proxy can try it. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
        Map.entry("planCode", "gunma-r2-r6"), Map.entry("indicatorCode", "KGI3"), Map.entry("nodeCode", "GI"),
        Map.entry("fiscalYear", "2024"), Map.entry("asOf", "2025-07-17"), Map.entry("from", "2025-07-17"),
        Map.entry("to", "2025-07-18"), Map.entry("limit", "100"), Map.entry("node", "GII"), Map.entry("status", "not_achieved"),
        Map.entry("kind", "kpi"), Map.entry("id", "1"), Map.entry("cascade", "true"), Map.entry("lang", "ja"),
        Map.entry("If-Match", "\"1\""), Map.entry("Idempotency-Key", "county-2025-0001"), Map.entry("measurementId", "1"),
        Map.entry("fileName", "evidence.pdf"), Map.entry("indicator", "KGI4"), Map.entry("revision", "1"),
        Map.entry("organisation", "sample-org-a"));
    private static final String ETAG = "A digest of the answer: send it as If-None-Match to get 304 while the answer is the same";
    private static final String TOO_MANY_WRITES = "The client made more writes than it may per minute (planeval.write-limit); "
        + "retry after Retry-After seconds";
    private static final Map<String, String> WITH_BODY = Map.of(
        "413", "The body is larger than the limit (quarkus.http.limits.max-body-size), or the change larger than an event may be",
        "415", "The body has no Content-Type, or one this operation does not take");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getInfo() == null) {
            api.setInfo(OASFactory.createInfo());
        }
        api.getInfo()
            .contact(OASFactory.createContact().name("planeval").url("https://planeval.io"))
            .license(OASFactory.createLicense().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"));
        inlineEnumerations(api);
        markNullable(api);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        // Beside the realm's OpenID Connect scheme, plain HTTP bearer, which every client generator can fill in.
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("bearer").bearerFormat("JWT").description("An access token of the planeval realm (Authorization: Bearer <token>)"));
        api.getPaths().getPathItems().forEach((template, path) -> {
            path.getOperations().forEach((method, operation) -> {
                if (operation.getParameters() != null) {
                    // Path parameters in the order the path names them (a generated client's arguments: plan, then indicator).
                    List<Parameter> parameters = new ArrayList<>(operation.getParameters());
                    parameters.sort(Comparator.comparingInt(parameter -> parameter.getIn() == Parameter.In.PATH
                        ? template.indexOf("{" + parameter.getName() + "}") : Integer.MAX_VALUE));
                    operation.setParameters(parameters);
                    operation.getParameters().stream()
                        .filter(parameter -> parameter.getExample() == null && parameter.getExamples() == null)
                        .forEach(parameter -> parameter.setExample(example(parameter)));
                }
                // An operation marked @SecurityRequirementsSet (empty) takes a token but needs none (open data).
                boolean optional = operation.getSecurity() != null
                    && operation.getSecurity().stream().anyMatch(requirement -> requirement.getSchemes() == null || requirement.getSchemes().isEmpty());
                List<SecurityRequirement> security = new ArrayList<>();
                if (optional) {
                    security.add(OASFactory.createSecurityRequirement());
                }
                security.add(OASFactory.createSecurityRequirement().addScheme(OIDC));
                security.add(OASFactory.createSecurityRequirement().addScheme(BEARER));
                operation.setSecurity(security);
                APIResponses responses = operation.getResponses();
                COMMON.forEach((status, description) -> addIfAbsent(responses, status, description));
                // An answer that can be revalidated (it says 304, or sends an ETag) carries its ETag, and a 304 carries what
                // the full answer would (RFC 9110 §15.4.5).
                APIResponse ok = responses.getAPIResponse("200");
                boolean tagged = ok != null && ok.getHeaders() != null && ok.getHeaders().containsKey("ETag");
                if (method == PathItem.HttpMethod.GET && ok != null && (tagged || responses.hasAPIResponse("304"))) {
                    addIfAbsent(responses, "304", NOT_MODIFIED);
                    if (!tagged) {
                        ok.addHeader("ETag", OASFactory.createHeader().description(ETAG)
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
                    }
                    APIResponse notModified = responses.getAPIResponse("304");
                    ok.getHeaders().forEach((name, header) -> {
                        if (notModified.getHeaders() == null || !notModified.getHeaders().containsKey(name)) {
                            notModified.addHeader(name, header);
                        }
                    });
                }
                if (operation.getRequestBody() != null) {
                    WITH_BODY.forEach((status, description) -> addIfAbsent(responses, status, description));
                }
                if (method != PathItem.HttpMethod.GET) {
                    addIfAbsent(responses, "429", TOO_MANY_WRITES);
                    responses.getAPIResponse("429").addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait").schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
                }
                responses.getAPIResponses().forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null && response.getContent() == null) {
                        response.content(problem());
                    }
                });
            });
        });
    }

    /**
     * Each enumeration of the vocabulary is written where it is used, not as a schema of its own: a client generated
     * for Python (python-pydantic-v1) makes a shared enumeration a class that needs the aenum library, which Debian
     * does not package, while an enumeration written in place is checked by pydantic alone.
     */
    private static void inlineEnumerations(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, org.eclipse.microprofile.openapi.models.media.Schema> enumerations = new LinkedHashMap<>();
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getEnumeration() != null && schema.getProperties() == null) {
                enumerations.put("#/components/schemas/" + name, schema);
            }
        });
        if (enumerations.isEmpty()) {
            return;
        }
        for (org.eclipse.microprofile.openapi.models.media.Schema schema : api.getComponents().getSchemas().values()) {
            if (schema.getProperties() != null) {
                Map<String, org.eclipse.microprofile.openapi.models.media.Schema> properties = new LinkedHashMap<>(schema.getProperties());
                properties.replaceAll((name, property) -> inlined(property, enumerations));
                schema.setProperties(properties);
            }
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> parameter.setSchema(inlined(parameter.getSchema(), enumerations)));
                }
            }));
        }
        enumerations.keySet().forEach(ref -> api.getComponents().removeSchema(ref.substring(ref.lastIndexOf('/') + 1)));
    }

    private static org.eclipse.microprofile.openapi.models.media.Schema inlined(org.eclipse.microprofile.openapi.models.media.Schema schema, Map<String, org.eclipse.microprofile.openapi.models.media.Schema> enumerations) {
        if (schema == null) {
            return null;
        }
        if (schema.getItems() != null) {
            schema.setItems(inlined(schema.getItems(), enumerations));
        }
        org.eclipse.microprofile.openapi.models.media.Schema enumeration = schema.getRef() == null ? null : enumerations.get(schema.getRef());
        if (enumeration == null) {
            return schema;
        }
        return OASFactory.createSchema().type(new ArrayList<>(enumeration.getType())).enumeration(new ArrayList<>(enumeration.getEnumeration()))
            .description(schema.getDescription() != null ? schema.getDescription() : enumeration.getDescription());
    }

    /**
     * A field that is not required may be sent as null, in either direction (records are written with their nulls and
     * read with them): the documents say so, so that generated clients accept what they receive.
     */
    private static void markNullable(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        for (var schema : api.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, org.eclipse.microprofile.openapi.models.media.Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.forEach((name, property) -> {
                if (required.contains(name)) {
                    return;
                }
                if (property.getRef() != null) {
                    // A reference cannot say null itself: either the referenced schema, or null.
                    properties.put(name, OASFactory.createSchema().description(property.getDescription())
                        .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()), OASFactory.createSchema().addType(SchemaType.NULL))));
                } else {
                    if (property.getType() != null && !property.getType().contains(SchemaType.NULL)) {
                        property.addType(SchemaType.NULL);
                    }
                    // An enumeration lists every value allowed: null too, where the field may be null.
                    if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                        List<Object> values = new ArrayList<>(property.getEnumeration());
                        values.add(null);
                        property.setEnumeration(values);
                    }
                }
            });
            schema.setProperties(properties);
        }
    }

    /** The parameter's example in the JSON type its schema declares (a path's fiscal year is text, a query's a number). */
    private static Object example(Parameter parameter) {
        String example = EXAMPLES.get(parameter.getName());
        List<SchemaType> types = parameter.getSchema() == null || parameter.getSchema().getType() == null ? List.of()
            : parameter.getSchema().getType();
        if (example == null || types.contains(SchemaType.STRING)) {
            return example;
        }
        if (types.contains(SchemaType.INTEGER)) {
            return Integer.valueOf(example);
        }
        return types.contains(SchemaType.BOOLEAN) ? Boolean.valueOf(example) : example;
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref("Problem")));
    }
}
