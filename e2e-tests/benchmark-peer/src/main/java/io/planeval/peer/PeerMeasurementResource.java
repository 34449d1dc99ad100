package io.planeval.peer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

/** One measurement, one committed INSERT: the same row planeval stores, and nothing else. */
@Path("/api/v1/plans/{planCode}/indicators/{indicatorCode}/measurements")
@Authenticated
public class PeerMeasurementResource {

    /** What a county system posts, as to planeval. */
    public record MeasurementInput(Integer fiscalYear, BigDecimal value, String status) {
    }

    @Inject
    DataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String indicatorCode,
                         MeasurementInput input) throws SQLException {
        if (input == null || input.fiscalYear() == null || input.status() == null) {
            throw new BadRequestException("fiscalYear and status are required");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO measurement (plan_code, indicator_code, "
                 + "fiscal_year, value, status, recorded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, planCode);
            insert.setString(2, indicatorCode);
            insert.setInt(3, input.fiscalYear());
            insert.setBigDecimal(4, input.value());
            insert.setString(5, input.status());
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return Response.status(Response.Status.CREATED).entity(Map.of("id", id.getLong(1))).build();
            }
        }
    }
}
