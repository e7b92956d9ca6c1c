package it.ricolloca.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentreNamesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "CENTRO PER L'IMPIEGO DI NOVARA | CPI Novara",
            "Centro per l’impiego di Novara | cpi novara",
            "CPI CIRIE'                      | CPI Ciriè",
            "CPI SUSÀ                        | CPI Susa",
            "CPI CUORGNE'                    | Centro per l'Impiego di Cuorgnè",
            "CPI TORINO - VIA BOLOGNA        | CPI Torino – via Bologna",
            "  cpi   torino  via bologna     | CPI Torino – via Bologna",
            "Settimo Torinese                | CPI SETTIMO TORINESE",
            "C.P.I. Asti                     | CPI Asti",
            "CPI VenariaReale                | CPI Venaria Reale"})
    void namesThatDifferOnlyInFormAreTheSameCentre(String found, String official) {
        assertThat(CentreNames.key(found)).isEqualTo(CentreNames.key(official));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CPI Novara | CPI Biella",
            "CPI Torino – via Bologna | CPI Torino",
            "CPI Alba | CPI Albano"})
    void differentCentresStayDifferent(String a, String b) {
        assertThat(CentreNames.key(a)).isNotEqualTo(CentreNames.key(b));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '", "''''", "'-'"})
    void blankNamesHaveNoKey(String blank) {
        assertThat(CentreNames.key(blank)).isEmpty();
    }
}
