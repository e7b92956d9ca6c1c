package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.web.PathwayViews.PageForms;
import it.ricolloca.pathway.web.PathwayViews.PathwayPage;
import it.ricolloca.pathway.web.PathwayViews.Typed;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** The page of one pathway, fresh or with the form that failed shown as typed with its errors. */
@Component
class PathwayPages {

    private final PathwayWork work;
    private final StaffDirectory staff;
    private final Workers workers;
    private final JobCentres centres;
    private final Messages messages;
    private final List<PathwaySection.Provider> sectionProviders;

    PathwayPages(PathwayWork work, StaffDirectory staff, Workers workers, JobCentres centres, Messages messages,
            List<PathwaySection.Provider> sectionProviders) {
        this.work = work;
        this.staff = staff;
        this.workers = workers;
        this.centres = centres;
        this.messages = messages;
        this.sectionProviders = sectionProviders;
    }

    String show(Model model, CurrentUser user, long id) {
        Pathway p = work.get(user, id);
        return render(model, user, p, PageForms.of(p, Dates.today()));
    }

    /** The page again, with {@code form} (named {@code name}) as typed and its errors. */
    String failed(Model model, CurrentUser user, long id, String name, Object form, BindingResult result) {
        Pathway p = work.get(user, id);
        return render(model, user, p, PageForms.of(p, Dates.today()).failed(name, form, FormErrors.of(result, messages),
                Typed.of(result)));
    }

    private String render(Model model, CurrentUser user, Pathway p, PageForms forms) {
        boolean canAssign = work.canAssignTutor(user, p);
        model.addAttribute("page", new PathwayPage(p,
                workers.find(p.getWorkerId()).orElseThrow(),
                centres.office(p.getOfficeId()).orElseThrow(),
                p.getTutorUserId() == null ? null : staff.find(p.getTutorUserId()).orElse(null),
                work.serviceStart(p).orElse(null), work.appointments(p), work.pacts(p), work.tutorHistory(p),
                work.canWork(user, p), canAssign,
                canAssign ? staff.withRole(p.getCentreId(), Role.CPI_TUTOR) : List.of(),
                Dates.today(), work.plannedEnd(p).orElse(null),
                sectionProviders.stream().map(s -> s.section(user, p.getId(), p.getWorkerId()))
                        .filter(Objects::nonNull).toList(),
                forms));
        return "pathway/pathway";
    }
}
