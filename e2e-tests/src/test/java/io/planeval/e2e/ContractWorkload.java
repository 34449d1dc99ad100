package io.planeval.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every operation of the three API documents, called once as the document itself describes it: path, required query
 * and header parameters from their examples, the body from the operation's first example. The plan in paths and
 * bodies is replaced by a plan of the caller's, so that the writes touch nothing else. Reads go first, then writes,
 * deletes and the rebuild last, so that most reads find what they ask for.
 */
final class ContractWorkload {

    /** One call, and the operation it exercises. */
    record Call(ServiceProcess service, String operationId, String method, String path, String contentType, String body,
                Map<String, String> headers) {

        int order() {
            if (operationId.equals("rebuildReadModel")) {
                return 4;
            }
            return switch (method) {
                case "GET" -> 0;
                case "DELETE" -> 3;
                // A report is fixed, and the plan replaced by its example, after the other writes have used it.
                default -> operationId.equals("fixReport") || operationId.equals("putPlan") ? 2 : 1;
            };
        }
    }

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private ContractWorkload() {
    }

    /** The calls for every operation of these services' documents, but the streams (whose answers are events). */
    static List<Call> calls(List<ServiceProcess> services, String planCode) throws IOException {
        List<Call> calls = new ArrayList<>();
        for (ServiceProcess service : services) {
            JsonNode api = Api.JSON.readTree(Processes.ROOT.resolve(service.name + "/target/openapi/openapi.json").toFile());
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    if (!operation.getValue().has("operationId") || streams(operation.getValue())) {
                        continue;
                    }
                    calls.add(call(service, path.getKey(), operation.getKey().toUpperCase(), operation.getValue(), planCode));
                }
            }
        }
        calls.sort(Comparator.comparingInt(Call::order));
        return calls;
    }

    private static boolean streams(JsonNode operation) {
        return operation.at("/responses/200/content").has("text/event-stream");
    }

    private static Call call(ServiceProcess service, String template, String method, JsonNode operation, String planCode) {
        Matcher parameters = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String name = parameters.group(1);
            parameters.appendReplacement(path, name.equals("planCode") ? planCode : example(operation, name, "path"));
        }
        parameters.appendTail(path);
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new HashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("required").asBoolean(false)) {
                continue;
            }
            String name = parameter.get("name").asText();
            if (parameter.get("in").asText().equals("query")) {
                query.add(name + "=" + example(operation, name, "query"));
            } else if (parameter.get("in").asText().equals("header")) {
                headers.put(name, example(operation, name, "header"));
            }
        }
        String contentType = null;
        String body = null;
        JsonNode content = operation.at("/requestBody/content");
        if (content.isObject() && content.size() > 0) {
            Map.Entry<String, JsonNode> first = content.fields().next();
            contentType = first.getKey();
            JsonNode example = first.getValue().has("example") ? first.getValue().get("example")
                : first.getValue().path("examples").elements().hasNext() ? first.getValue().get("examples").elements().next().path("value")
                : null;
            if (example == null || example.isMissingNode()) {
                throw new AssertionError(operation.get("operationId").asText() + " has a body but no example of it");
            }
            body = (example.isTextual() ? example.asText() : example.toString()).replace("gunma-r2-r6", planCode);
        }
        return new Call(service, operation.get("operationId").asText(), method,
            path + (query.isEmpty() ? "" : "?" + String.join("&", query)), contentType, body, headers);
    }

    private static String example(JsonNode operation, String name, String in) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.get("name").asText().equals(name) && parameter.get("in").asText().equals(in)) {
                JsonNode example = parameter.path("example");
                if (example.isMissingNode() || example.isNull()) {
                    throw new AssertionError(operation.get("operationId").asText() + ": parameter " + name + " has no example");
                }
                return example.asText();
            }
        }
        throw new AssertionError(operation.get("operationId").asText() + ": no parameter " + name + " in " + in);
    }
}
