package io.planeval.evaluation.live;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.time.Moments;

@Path("/api/v1/plans/{planCode}/evaluation/stream")
@Tag(name = "Evaluation")
public class StreamResource {

    @Inject
    ReadAccess access;

    @Inject
    ReadModel readModel;

    @Inject
    EvaluationStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamEvaluation", summary = "Server-Sent Events: each change of an indicator's result, as it is applied",
        description = "Event `evaluation` (JSON ResultChange) for every status or attainment that changes, in the order the "
            + "changes were made, with an id. A client that reconnects with `Last-Event-ID` (browsers' EventSource does so by "
            + "itself) is first sent every change after that id; event `reset` first says that some were no longer kept "
            + "(PLANEVAL_EVALUATION_STREAM_RETENTION, 7 days), so the client should reload what it shows. A page rendered from "
            + "the API can pass the position it was rendered at as `after` (a browser's first connection cannot send "
            + "Last-Event-ID), so that no change between rendering and connecting is missed. Roll-ups of nodes "
            + "and goals follow from the indicators: read them again after a change.")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
        schema = @Schema(implementation = ResultChange.class)))
    @APIResponse(responseCode = "400", description = "Last-Event-ID is not an id of this stream")
    @APIResponse(responseCode = "404", description = "Plan not known")
    @SecurityRequirementsSet
    @PermitAll
    public void stream(@PathParam("planCode") String planCode,
                       @Parameter(description = "The id of the last event received; the stream resumes after it")
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Parameter(description = "An event id to resume after when there is no Last-Event-ID (a first connection)")
                       @QueryParam("after") String after,
                       @Context SseEventSink sink, @Context Sse sse) {
        access.openDataIfReadable(planCode);
        if (readModel.plan(planCode, Moments.EVERYTHING_RECORDED).isEmpty()) {
            throw ProblemException.notFound("Plan " + planCode + " is not known");
        }
        stream.subscribe(planCode, sink, sse, lastEventId, after);
    }
}
