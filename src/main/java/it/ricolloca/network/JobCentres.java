package it.ricolloca.network;

import it.ricolloca.network.internal.JobCentreRepository;
import it.ricolloca.network.internal.RegionalAgencyRepository;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network as other modules read it. */
@Service
@Transactional(readOnly = true)
public class JobCentres {

    private final JobCentreRepository centres;
    private final RegionalAgencyRepository agencies;

    JobCentres(JobCentreRepository centres, RegionalAgencyRepository agencies) {
        this.centres = centres;
        this.agencies = agencies;
    }

    public Optional<CentreSummary> find(long id) {
        return centres.findById(id).map(CentreSummary::of);
    }

    /** The names of the given CPIs by id: one query by primary key for a page's rows, none for no CPI. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        Set<Long> wanted = new HashSet<>(ids);
        wanted.remove(null);
        if (!wanted.isEmpty()) {
            centres.findAllById(wanted).forEach(c -> names.put(c.getId(), c.getName()));
        }
        return names;
    }

    /** Every CPI's name by id: one query for a page that names many CPIs. */
    public Map<Long, String> names() {
        Map<Long, String> names = new HashMap<>();
        centres.findAllByOrderByName().forEach(c -> names.put(c.getId(), c.getName()));
        return names;
    }

    public List<CentreSummary> all() {
        return centres.findAllByOrderByName().stream().map(CentreSummary::of).toList();
    }

    /** The CPI a name found in a file refers to, if exactly one answers to it. */
    public Optional<CentreSummary> recognise(String name) {
        String key = CentreNames.key(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<CentreSummary> matches = centres.findAllWithVariants().stream()
                .filter(c -> c.recognitionKeys().contains(key)).map(CentreSummary::of).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * Recognises many names against the CPIs as they are now, read once: for an import, which looks up a name
     * on every row. A key that names more than one CPI recognises none, as {@link #recognise(String)}.
     */
    public Function<String, Optional<CentreSummary>> recogniser() {
        Map<String, CentreSummary> byKey = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (JobCentre c : centres.findAllWithVariants()) {
            CentreSummary summary = CentreSummary.of(c);
            for (String key : c.recognitionKeys()) {
                CentreSummary earlier = byKey.putIfAbsent(key, summary);
                if (earlier != null && earlier.id() != summary.id()) {
                    ambiguous.add(key);
                }
            }
        }
        ambiguous.forEach(byKey::remove);
        return name -> Optional.ofNullable(byKey.get(CentreNames.key(name)));
    }

    /** The ids of one CPI's offices (the provider's offices whose work its staff sees). */
    public List<Long> officeIdsOf(long centreId) {
        return offices().stream().filter(o -> o.centreId() == centreId).map(OfficeSummary::id).toList();
    }

    /** Every office of every CPI, by CPI then office name: the provider offices a worker may choose. */
    public List<OfficeSummary> offices() {
        return centres.findAllWithOffices().stream()
                .flatMap(c -> c.getOffices().stream().sorted(Comparator.comparing(Office::getName))
                        .map(OfficeSummary::of))
                .toList();
    }

    /** How a worker reaches an office (their pages, ADR 0040): CPI, office, address, phone and e-mail (blank when unknown). */
    public record OfficeContact(String centreName, String officeName, String address, String phone, String email) {
    }

    /** The office's contacts; the CPI's e-mail when the office has none. */
    public Optional<OfficeContact> officeContact(long officeId) {
        return centres.findOffice(officeId).map(o -> new OfficeContact(o.getCentre().getName(), o.getName(),
                join(join(o.getAddress(), o.getPostcode(), ", "), o.getMunicipality(), " "),
                o.getPhone() == null ? "" : o.getPhone(),
                o.getEmail() != null && !o.getEmail().isBlank() ? o.getEmail()
                        : o.getCentre().getEmail() == null ? "" : o.getCentre().getEmail()));
    }

    public Optional<OfficeSummary> office(long id) {
        return centres.findOffice(id).map(OfficeSummary::of);
    }

    /**
     * The letterhead of the CPI's letters: the regional agency, the CPI with its address (its first
     * office's when the CPI has none of its own) and its responsible officer.
     */
    public Optional<Letterhead> letterhead(long centreId) {
        String agency = agencies.findFirstByOrderById().map(RegionalAgency::getName).orElse("");
        return centres.findById(centreId).map(c -> new Letterhead(agency, c.getName(), c.getOfficialName(),
                c.getAddress() != null ? c.getAddress() : c.getOffices().stream().findFirst()
                        .map(o -> join(o.getAddress(), join(o.getPostcode(), o.getMunicipality(), " "), ", ")).orElse(""),
                c.getEmail(), c.getResponsibleOfficer()));
    }

    private static String join(String a, String b, String between) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + between + b;
    }

    public Optional<RegionalAgency> regionalAgency() {
        return agencies.findFirstByOrderById();
    }
}
