package it.ricolloca.shared.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/**
 * The refusals every act of the API may answer, documented in OpenAPI as RFC 9457 problems
 * ({@code application/problem+json}, detail in Italian): 400 invalid body (field errors in {@code errors}),
 * 401, 403 without the right, 404 outside the user's scope, 409 stale version or refusal of the
 * procedure's rules or key in flight, 413, 422 an {@code Idempotency-Key} reused for another request,
 * 429, 503 with {@code Retry-After}. Bearer token.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@SecurityRequirement(name = "bearer")
@ApiResponses({
    @ApiResponse(responseCode = "400", description = "Dati non validi (campi in errors)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
    @ApiResponse(responseCode = "403", description = "Operazione non consentita al profilo",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
    @ApiResponse(responseCode = "404", description = "Record inesistente o fuori ambito",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
    @ApiResponse(responseCode = "409", description = "Versione superata o operazione rifiutata dalle regole della procedura",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
    @ApiResponse(responseCode = "422", description = "Idempotency-Key già usata per un'altra richiesta",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
    @ApiResponse(responseCode = "429", description = "Troppe richieste o troppi token non validi dallo stesso indirizzo: riprovare dopo Retry-After",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
    @ApiResponse(responseCode = "503", description = "Servizio occupato: riprovare dopo Retry-After",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
})
public @interface ApiProblemResponses {
}
