package it.ricolloca.network.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreNames;
import it.ricolloca.network.JobCentre;
import it.ricolloca.network.Office;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the network made by the regional administrator, each one audited. */
@Service
@Transactional
public class NetworkAdministration {

    /** A submitted form was based on an older version of the record. */
    public static class StaleFormException extends DomainException {
        StaleFormException() {
            super("form.stale");
        }
    }

    /** A name variant already recognises another CPI. */
    public static class VariantTakenException extends DomainException {
        VariantTakenException(String variant, String centre) {
            super("centre.variants.taken", variant, centre);
        }
    }

    /** Another CPI already has this code. */
    public static class CodeTakenException extends DomainException {
        CodeTakenException() {
            super("centre.code.taken");
        }
    }

    private final JobCentreRepository centres;
    private final AuditTrail audit;

    NetworkAdministration(JobCentreRepository centres, AuditTrail audit) {
        this.centres = centres;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public JobCentre get(long id) {
        JobCentre centre = centres.findById(id).orElseThrow(NotFoundException::new);
        centre.getOffices().size();
        centre.getNameVariants().size();
        return centre;
    }

    public JobCentre create(String code, String name, String officialName, String province, String email,
            Collection<String> variants) {
        checkCode(code, null);
        JobCentre centre = new JobCentre(code, name, officialName, province, email);
        centre.replaceNameVariants(variants);
        checkVariants(centre);
        centres.saveAndFlush(centre);
        audit.record("CENTRE_CREATED", "JobCentre", centre.getId(), describe(centre));
        return centre;
    }

    public JobCentre update(long id, long version, String code, String name, String officialName, String province,
            String email, Collection<String> variants) {
        JobCentre centre = centres.findById(id).orElseThrow(NotFoundException::new);
        return update(id, version, code, name, officialName, province, email, variants, centre.getAddress(),
                centre.getResponsibleOfficer());
    }

    /** Updates the CPI with the address and the responsible officer its letters print. */
    public JobCentre update(long id, long version, String code, String name, String officialName, String province,
            String email, Collection<String> variants, String address, String responsibleOfficer) {
        JobCentre centre = centres.findById(id).orElseThrow(NotFoundException::new);
        if (centre.getVersion() != version) {
            throw new StaleFormException();
        }
        checkCode(code, id);
        String before = describe(centre);
        centre.update(code, name, officialName, province, email);
        centre.updateLetterDetails(address, responsibleOfficer);
        centre.replaceNameVariants(variants);
        checkVariants(centre);
        centres.saveAndFlush(centre);
        audit.record("CENTRE_UPDATED", "JobCentre", id, Detail.of("audit.detail.beforeAfter", before, describe(centre)).encoded());
        return centre;
    }

    public Office addOffice(long centreId, String name, String address, String municipality, String postcode,
            String phone, String email) {
        JobCentre centre = centres.findById(centreId).orElseThrow(NotFoundException::new);
        Office office = centre.addOffice(name, address, municipality, postcode, phone, email);
        // The centre is managed: flushing persists the new office itself (a save would merge a copy, leaving it without id).
        centres.flush();
        audit.record("OFFICE_CREATED", "Office", office.getId(), Detail.of("audit.detail.office", centre.getCode(), name).encoded());
        return office;
    }

    public Office updateOffice(long centreId, long officeId, long version, String name, String address,
            String municipality, String postcode, String phone, String email) {
        Office office = office(centreId, officeId);
        if (office.getVersion() != version) {
            throw new StaleFormException();
        }
        office.update(name, address, municipality, postcode, phone, email);
        centres.flush();
        audit.record("OFFICE_UPDATED", "Office", officeId, Detail.of("audit.detail.officeIn", office.getCentre().getCode(), name,
                municipality).encoded());
        return office;
    }

    @Transactional(readOnly = true)
    public Office office(long centreId, long officeId) {
        JobCentre centre = centres.findById(centreId).orElseThrow(NotFoundException::new);
        return centre.getOffices().stream().filter(o -> o.getId() == officeId).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private void checkCode(String code, Long exceptId) {
        Optional<JobCentre> other = centres.findByCode(code.strip().toUpperCase());
        if (other.isPresent() && !other.get().getId().equals(exceptId)) {
            throw new CodeTakenException();
        }
    }

    private void checkVariants(JobCentre centre) {
        for (JobCentre other : centres.findAllWithVariants()) {
            if (other.getId() != null && other.getId().equals(centre.getId())) {
                continue;
            }
            for (String variant : centre.getNameVariants()) {
                if (other.recognitionKeys().contains(CentreNames.key(variant))) {
                    throw new VariantTakenException(variant, other.getName());
                }
            }
        }
    }

    private static String describe(JobCentre c) {
        return c.getCode() + ", " + c.getName() + ", " + c.getProvince() + ", " + c.getEmail() + ", varianti="
                + c.getNameVariants();
    }
}
