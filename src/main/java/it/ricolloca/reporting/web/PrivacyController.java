package it.ricolloca.reporting.web;

import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.reporting.ReportRoutes;
import it.ricolloca.reporting.internal.PersonalDataExport;
import it.ricolloca.reporting.web.PrivacyViews.ExportForm;
import it.ricolloca.reporting.web.PrivacyViews.Period;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Personal data, for the regional administrator: the retention periods in force and the export of
 * everything held about one person (GDPR art. 15), asked by codice fiscale in a form (never in an address,
 * which logs would keep).
 */
@Controller
@PreAuthorize("hasRole('REGIONAL_ADMIN')")
class PrivacyController {

    private final PersonalDataExport export;
    private final Parameters parameters;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    PrivacyController(PersonalDataExport export, Parameters parameters, CurrentUsers currentUsers, Messages messages) {
        this.export = export;
        this.parameters = parameters;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry privacyMenuEntry() {
        return new MenuEntry(MenuArea.ADMINISTRATION, 50, "nav.privacy", ReportRoutes.PRIVACY, Set.of("REGIONAL_ADMIN"));
    }

    @GetMapping(ReportRoutes.PRIVACY)
    String initExportForm(Model model) {
        return page(model, new ExportForm(""), FormErrors.NONE);
    }

    @PostMapping(ReportRoutes.PRIVACY_EXPORT)
    String processExportForm(@Valid @ModelAttribute("form") ExportForm form, BindingResult result, Model model,
            HttpServletResponse response) throws IOException {
        if (!result.hasErrors()) {
            CodiceFiscale.check(form.taxCode()).ifPresent(p -> result.rejectValue("taxCode", p.messageKey(), p.args(), null));
        }
        if (!result.hasErrors()) {
            try {
                long worker = export.workerOf(form.taxCode());
                response.setContentType("application/zip");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dati-personali-" + worker + ".zip").build().toString());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                export.export(worker, currentUsers.require().username(), response.getOutputStream());
                return null;
            } catch (NotFoundException e) {
                result.rejectValue("taxCode", "privacy.export.notFound");
            }
        }
        return page(model, form, FormErrors.of(result, messages));
    }

    private String page(Model model, ExportForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("periods", List.of(Parameter.RETENTION_CASE_MONTHS, Parameter.RETENTION_NO_REQUEST_MONTHS,
                Parameter.RETENTION_MAIL_LOG_MONTHS).stream().map(p -> new Period(p.labelKey(),
                parameters.integer(p, Dates.today()), p.defaultSource())).toList());
        return "reporting/privacy";
    }
}
