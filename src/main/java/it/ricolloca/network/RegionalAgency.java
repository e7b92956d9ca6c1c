package it.ricolloca.network;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The regional agency that coordinates the network (Agenzia Piemonte Lavoro in the demo). */
@Entity
@Table(name = "network_regional_agency")
public class RegionalAgency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String region;
    private String email;

    @Version
    private long version;

    protected RegionalAgency() {
    }

    public RegionalAgency(String name, String region, String email) {
        this.name = name;
        this.region = region;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public String getEmail() {
        return email;
    }
}
