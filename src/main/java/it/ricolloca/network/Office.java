package it.ricolloca.network;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An office (sede) of a job centre: where workers are received. */
@Entity
@Table(name = "network_office")
public class Office {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "centre_id")
    private JobCentre centre;

    private String name;
    private String address;
    private String municipality;
    private String postcode;
    private String phone;
    private String email;

    @Version
    private long version;

    protected Office() {
    }

    Office(JobCentre centre, String name, String address, String municipality, String postcode, String phone,
            String email) {
        this.centre = centre;
        update(name, address, municipality, postcode, phone, email);
    }

    public void update(String name, String address, String municipality, String postcode, String phone, String email) {
        this.name = name.strip();
        this.address = blankToNull(address);
        this.municipality = municipality.strip();
        this.postcode = blankToNull(postcode);
        this.phone = blankToNull(phone);
        this.email = blankToNull(email);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public JobCentre getCentre() {
        return centre;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getMunicipality() {
        return municipality;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public long getVersion() {
        return version;
    }
}
