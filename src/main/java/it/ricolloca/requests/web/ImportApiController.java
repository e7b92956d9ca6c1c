package it.ricolloca.requests.web;

import it.ricolloca.shared.web.ApiProblemResponses;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.web.ApiRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Messages;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The ministerial list for other systems: same checks, same result as the page. */
@RestController
@PreAuthorize("hasAnyRole('REGIONAL_ADMIN', 'REGIONAL_ADR_SERVICE')")
class ImportApiController {

    private final RequestListImporter importer;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    private final TabularReader reader;

    ImportApiController(RequestListImporter importer, CurrentUsers currentUsers, Messages messages,
            TabularReader reader) {
        this.reader = reader;
        this.importer = importer;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping(value = RequestRoutes.API_IMPORT_REQUESTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importa l'elenco ministeriale delle richieste come istantanea datata",
            security = @SecurityRequirement(name = "bearer"))
    @ApiProblemResponses
    ResponseEntity<?> importRequests(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate snapshotDate,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null) {
            return ApiRefusals.badRequest(messages, "import.file.empty");
        }
        try (TabularSource source = reader.receive(file)) {
            ImportReport result = importer.importFile(currentUsers.require(), source, snapshotDate,
                    RequestListImporter.Progress.NONE);
            return ResponseEntity.ok(result);
        } catch (DomainException e) {
            return ApiRefusals.of(e, messages);
        }
    }
}
