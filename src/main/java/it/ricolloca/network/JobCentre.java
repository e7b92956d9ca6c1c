package it.ricolloca.network;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.annotations.BatchSize;

/** A public job centre (CPI) of the network, with its offices and the name variants that recognise it. */
@Entity
@Table(name = "network_job_centre")
public class JobCentre {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Column(name = "official_name")
    private String officialName;

    private String province;

    private String email;

    /** The postal address its letters print; blank to print its first office's. */
    private String address;

    /** The officer responsible for its procedures (responsabile del procedimento), named in its letters. */
    @Column(name = "responsible_officer")
    private String responsibleOfficer;

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "network_centre_name_variant", joinColumns = @JoinColumn(name = "centre_id"))
    @Column(name = "variant")
    private Set<String> nameVariants = new LinkedHashSet<>();

    @OneToMany(mappedBy = "centre", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchSize(size = 50)
    @OrderBy("name")
    private List<Office> offices = new ArrayList<>();

    @Version
    private long version;

    protected JobCentre() {
    }

    public JobCentre(String code, String name, String officialName, String province, String email) {
        update(code, name, officialName, province, email);
    }

    public void update(String code, String name, String officialName, String province, String email) {
        this.code = code.strip().toUpperCase();
        this.name = name.strip();
        this.officialName = officialName.strip();
        this.province = province.strip().toUpperCase();
        this.email = email.strip();
    }

    /** The address and the responsible officer its letters print (blank for none). */
    public void updateLetterDetails(String address, String responsibleOfficer) {
        this.address = address == null || address.isBlank() ? null : address.strip();
        this.responsibleOfficer = responsibleOfficer == null || responsibleOfficer.isBlank() ? null
                : responsibleOfficer.strip();
    }

    public String getAddress() {
        return address;
    }

    public String getResponsibleOfficer() {
        return responsibleOfficer;
    }

    public void replaceNameVariants(Collection<String> variants) {
        nameVariants.clear();
        variants.stream().map(String::strip).filter(v -> !v.isEmpty()).forEach(nameVariants::add);
    }

    public Office addOffice(String name, String address, String municipality, String postcode, String phone, String email) {
        Office office = new Office(this, name, address, municipality, postcode, phone, email);
        offices.add(office);
        return office;
    }

    /** Every comparison key this centre answers to: its names, its code and its variants. */
    public Set<String> recognitionKeys() {
        Set<String> keys = new LinkedHashSet<>();
        Stream.concat(Stream.of(name, officialName, code), nameVariants.stream())
                .map(CentreNames::key).filter(k -> !k.isEmpty()).forEach(keys::add);
        return keys;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getOfficialName() {
        return officialName;
    }

    public String getProvince() {
        return province;
    }

    public String getEmail() {
        return email;
    }

    public Set<String> getNameVariants() {
        return Collections.unmodifiableSet(nameVariants);
    }

    public List<Office> getOffices() {
        return Collections.unmodifiableList(offices);
    }

    public long getVersion() {
        return version;
    }
}
