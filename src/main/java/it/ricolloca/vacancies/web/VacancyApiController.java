package it.ricolloca.vacancies.web;

import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.web.ApiProblemResponses;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.web.ApiRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.vacancies.internal.BoardExchange;
import it.ricolloca.vacancies.internal.BoardQueries;
import it.ricolloca.vacancies.internal.BoardQueries.BoardRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The board for other systems (Bearer token): search, import of the board file, export. */
@RestController
class VacancyApiController {

    /** A page of offers. */
    record VacancyPage(List<BoardRow> items, int page, int size, long total) {
    }

    private final BoardQueries queries;
    private final BoardExchange exchange;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    private final TabularReader reader;

    VacancyApiController(BoardQueries queries, BoardExchange exchange, CurrentUsers currentUsers, Messages messages,
            TabularReader reader) {
        this.reader = reader;
        this.queries = queries;
        this.exchange = exchange;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping(VacancyRoutes.API_VACANCIES)
    @Operation(summary = "Offerte della vetrina: testo (q), stato, CPI (centre), pagina (da 0)",
            security = @SecurityRequirement(name = "bearer"))
    VacancyPage search(@RequestParam Map<String, String> params) {
        CurrentUser user = currentUsers.require();
        BoardExchange.requireRead(user);
        int page = VacancyController.page(params);
        Page<BoardRow> found = queries.search(VacancyController.filter(params), page, PageView.DEFAULT_SIZE);
        return new VacancyPage(found.getContent(), page, PageView.DEFAULT_SIZE, found.getTotalElements());
    }

    @PostMapping(value = VacancyRoutes.API_IMPORT, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importa il file della vetrina (XLSX, ODS o CSV, campo multipart file)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiProblemResponses
    ResponseEntity<?> importBoard(@RequestParam(required = false) MultipartFile file) throws IOException {
        CurrentUser user = currentUsers.require();
        BoardExchange.requireImport(user);
        if (file == null || file.isEmpty()) {
            return ApiRefusals.badRequest(messages, "import.file.empty");
        }
        try (TabularSource source = reader.receive(file)) {
            return ResponseEntity.ok(exchange.importBoard(user, source));
        } catch (DomainException e) {
            return ApiRefusals.of(e, messages);
        }
    }

    @GetMapping({VacancyRoutes.API_EXPORT, VacancyRoutes.API_EXPORT_ODS})
    @Operation(summary = "Scarica la vetrina nel formato del file condiviso (XLSX, oppure ODS con l'estensione .ods)",
            security = @SecurityRequirement(name = "bearer"))
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        VacancyController.export(exchange, currentUsers.require(), TabularFormat.ofPath(request.getRequestURI()), response);
    }
}
