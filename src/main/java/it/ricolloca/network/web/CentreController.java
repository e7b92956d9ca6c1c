package it.ricolloca.network.web;

import it.ricolloca.network.JobCentre;
import it.ricolloca.network.NetworkRoutes;
import it.ricolloca.network.Office;
import it.ricolloca.network.internal.JobCentreRepository;
import it.ricolloca.network.internal.NetworkAdministration;
import it.ricolloca.network.internal.NetworkAdministration.CodeTakenException;
import it.ricolloca.network.internal.NetworkAdministration.StaleFormException;
import it.ricolloca.network.internal.NetworkAdministration.VariantTakenException;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The network directory: every signed-in user reads it, the regional administrator edits it. */
@Controller
class CentreController {

    private static final String ADMIN = "hasRole('REGIONAL_ADMIN')";
    private static final String ADMIN_ROLE = "REGIONAL_ADMIN";

    private final JobCentreRepository centres;
    private final NetworkAdministration admin;
    private final Messages messages;

    CentreController(JobCentreRepository centres, NetworkAdministration admin, Messages messages) {
        this.centres = centres;
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping(NetworkRoutes.CENTRES)
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            HttpServletRequest request, Model model) {
        String query = q == null ? "" : q.strip();
        var found = centres.search(query.toLowerCase(Locale.ROOT),
                PageRequest.of(PageView.safePage(page), PageView.DEFAULT_SIZE));
        model.addAttribute("centres", PageView.of(found, CentreRow::of, query, NetworkRoutes.CENTRES));
        model.addAttribute("canEdit", request.isUserInRole(ADMIN_ROLE));
        return "network/centres";
    }

    @GetMapping(NetworkRoutes.CENTRE)
    String show(@PathVariable long id, HttpServletRequest request, Model model) {
        model.addAttribute("centre", CentreDetail.of(admin.get(id)));
        model.addAttribute("canEdit", request.isUserInRole(ADMIN_ROLE));
        return "network/centre";
    }

    @GetMapping(NetworkRoutes.CENTRE_NEW)
    @PreAuthorize(ADMIN)
    String initCreateForm(Model model) {
        return centreForm(model, CentreForm.empty(), FormErrors.NONE, null);
    }

    @PostMapping(NetworkRoutes.CENTRES)
    @PreAuthorize(ADMIN)
    String processCreateForm(@Valid @ModelAttribute("form") CentreForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                JobCentre c = admin.create(form.code(), form.name(), form.officialName(), form.province(), form.email(),
                        form.variantList());
                redirect.addFlashAttribute("flash", "centre.created");
                return "redirect:" + NetworkRoutes.centre(c.getId());
            } catch (CodeTakenException e) {
                result.rejectValue("code", e.messageKey());
            } catch (VariantTakenException e) {
                result.rejectValue("variants", e.messageKey(), e.args(), null);
            }
        }
        return centreForm(model, form, FormErrors.of(result, messages), null);
    }

    @GetMapping(NetworkRoutes.CENTRE_EDIT)
    @PreAuthorize(ADMIN)
    String initUpdateForm(@PathVariable long id, Model model) {
        return centreForm(model, CentreForm.of(admin.get(id)), FormErrors.NONE, id);
    }

    @PostMapping(NetworkRoutes.CENTRE_EDIT)
    @PreAuthorize(ADMIN)
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("form") CentreForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        admin.get(id);
        if (!result.hasErrors()) {
            try {
                admin.update(id, form.version() == null ? -1 : form.version(), form.code(), form.name(),
                        form.officialName(), form.province(), form.email(), form.variantList(), form.address(),
                        form.responsibleOfficer());
                redirect.addFlashAttribute("flash", "centre.updated");
                return "redirect:" + NetworkRoutes.centre(id);
            } catch (StaleFormException e) {
                result.reject(e.messageKey());
            } catch (CodeTakenException e) {
                result.rejectValue("code", e.messageKey());
            } catch (VariantTakenException e) {
                result.rejectValue("variants", e.messageKey(), e.args(), null);
            }
        }
        return centreForm(model, form, FormErrors.of(result, messages), id);
    }

    @GetMapping(NetworkRoutes.OFFICE_NEW)
    @PreAuthorize(ADMIN)
    String initOfficeCreateForm(@PathVariable long id, Model model) {
        return officeForm(model, admin.get(id), OfficeForm.empty(), FormErrors.NONE, null);
    }

    @PostMapping(NetworkRoutes.OFFICE_NEW)
    @PreAuthorize(ADMIN)
    String processOfficeCreateForm(@PathVariable long id, @Valid @ModelAttribute("form") OfficeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        JobCentre centre = admin.get(id);
        if (result.hasErrors()) {
            return officeForm(model, centre, form, FormErrors.of(result, messages), null);
        }
        admin.addOffice(id, form.name(), form.address(), form.municipality(), form.postcode(), form.phone(), form.email());
        redirect.addFlashAttribute("flash", "office.created");
        return "redirect:" + NetworkRoutes.centre(id);
    }

    @GetMapping(NetworkRoutes.OFFICE_EDIT)
    @PreAuthorize(ADMIN)
    String initOfficeUpdateForm(@PathVariable long id, @PathVariable long officeId, Model model) {
        Office office = admin.office(id, officeId);
        return officeForm(model, admin.get(id), OfficeForm.of(office), FormErrors.NONE, officeId);
    }

    @PostMapping(NetworkRoutes.OFFICE_EDIT)
    @PreAuthorize(ADMIN)
    String processOfficeUpdateForm(@PathVariable long id, @PathVariable long officeId,
            @Valid @ModelAttribute("form") OfficeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        JobCentre centre = admin.get(id);
        admin.office(id, officeId);
        if (!result.hasErrors()) {
            try {
                admin.updateOffice(id, officeId, form.version() == null ? -1 : form.version(), form.name(),
                        form.address(), form.municipality(), form.postcode(), form.phone(), form.email());
                redirect.addFlashAttribute("flash", "office.updated");
                return "redirect:" + NetworkRoutes.centre(id);
            } catch (StaleFormException e) {
                result.reject(e.messageKey());
            }
        }
        return officeForm(model, centre, form, FormErrors.of(result, messages), officeId);
    }

    private static String centreForm(Model model, CentreForm form, FormErrors errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("action", id == null ? NetworkRoutes.CENTRES : NetworkRoutes.centreEdit(id));
        model.addAttribute("editing", id != null);
        return "network/centre-form";
    }

    private static String officeForm(Model model, JobCentre centre, OfficeForm form, FormErrors errors, Long officeId) {
        model.addAttribute("centre", CentreDetail.of(centre));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("action", officeId == null ? NetworkRoutes.officeNew(centre.getId())
                : NetworkRoutes.officeEdit(centre.getId(), officeId));
        model.addAttribute("editing", officeId != null);
        return "network/office-form";
    }
}
