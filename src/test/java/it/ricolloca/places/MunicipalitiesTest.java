package it.ricolloca.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The reference data as loaded at start-up, the picker's search, namesakes and distances (ADR 0032). */
@IntegrationTest
class MunicipalitiesTest {

    @Autowired Municipalities municipalities;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    @Test
    void theWholeFileIsLoadedOnceWithItsChecksum() {
        assertThat(municipalities.count()).isEqualTo(10_063);
        assertThat(jdbc.sql("select row_count from places_reference_load").query(Integer.class).list())
                .containsExactly(10_063);
        assertThat(jdbc.sql("select count(*) from places_municipality where valid_to is not null and province is not null")
                .query(Long.class).single()).as("ceased municipalities").isEqualTo(1_945L);
        assertThat(jdbc.sql("select count(*) from places_municipality where latitude is not null").query(Long.class).single())
                .as("municipalities with coordinates").isEqualTo(7_889L);
    }

    @Test
    void aNameResolvesToTheMunicipalityInUseAndTheProvinceTellsNamesakesApart() {
        Municipality torino = municipalities.resolve(" torino ", null).orElseThrow();
        assertThat(torino.code()).isEqualTo("L219");
        assertThat(torino.istatCode()).isEqualTo("001272");
        assertThat(torino.region()).isEqualTo("Piemonte");
        assertThat(torino.validTo()).isNull();
        assertThat(municipalities.resolve("AGLIE", null)).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Agliè"));
        // Castro is both in Bergamo's and in Lecce's province: only the province tells.
        assertThat(municipalities.resolve("Castro", null)).isEmpty();
        assertThat(municipalities.resolve("Castro", "LE")).hasValueSatisfying(m -> assertThat(m.code()).isEqualTo("M261"));
        // Valle Mosso was merged into Valdilana in 2019: a name of the past is no municipality to live in today.
        assertThat(municipalities.resolve("Valle Mosso", "BI")).isEmpty();
        assertThat(municipalities.resolve("Valdilana", null)).hasValueSatisfying(m -> assertThat(m.validFrom())
                .isEqualTo(LocalDate.of(2019, 1, 1)));
    }

    /** Torino (45.07170, 7.67794) to Novara (45.43926, 8.61531): 84.0 km by the haversine formula. */
    @Test
    void theStraightLineBetweenTwoMunicipalities() {
        Municipality torino = municipalities.resolve("Torino", null).orElseThrow();
        Municipality novara = municipalities.resolve("Novara", null).orElseThrow();
        assertThat(municipalities.straightKm(torino, novara)).hasValueSatisfying(km -> assertThat(km).isCloseTo(83.99, within(0.01)));
        assertThat(municipalities.straightKm(torino, torino)).hasValue(0.0);
    }

    @Test
    void thePickerSearchAnswersJsonToAnyoneSignedIn() throws Exception {
        MvcResult r = mvc.perform(get(PlaceRoutes.SEARCH).param("q", "moncal").with(DemoUsers.as(users, "tutor.novara")))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).startsWith("application/json");
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"name\":\"Moncalieri\"", "\"label\":\"Moncalieri (TO)\"", "\"istatCode\":\"001156\"");
        String one = mvc.perform(get(PlaceRoutes.SEARCH).param("q", "t").with(DemoUsers.as(users, "tutor.novara")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(one).as("one letter is too little to search").isEqualTo("[]");
        assertThat(municipalities.search("torin", 50)).extracting(Municipality::name).first().isEqualTo("Torino");
    }
}
