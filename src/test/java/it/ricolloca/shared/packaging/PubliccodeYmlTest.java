package it.ricolloca.shared.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code publiccode.yml} at the project's root is valid against the standard's JSON Schema (SchemaStore's, vendored
 * with its source and licence in {@code src/test/resources/publiccode}), and says what the repository holds: the
 * EUPL-1.2 of {@code LICENSE}, the web platform, PostgreSQL (ADR 0035).
 */
class PubliccodeYmlTest {

    private static final Path PUBLICCODE = Path.of("publiccode.yml");

    @Test
    void publiccodeYmlIsValidAgainstItsSchema() throws IOException {
        List<Error> errors = schema().validate(Files.readString(PUBLICCODE), InputFormat.YAML);

        assertThat(errors).as("errori di publiccode.yml").isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheStandardRefuses() throws IOException {
        String valid = Files.readString(PUBLICCODE);
        Schema schema = schema();

        String withoutLicence = valid.replace("  license: EUPL-1.2\n", "  mainCopyrightOwner: Nessuno\n");
        assertThat(withoutLicence).isNotEqualTo(valid);
        assertThat(schema.validate(withoutLicence, InputFormat.YAML)).extracting(Error::getProperty).contains("license");

        String wrongType = valid.replace("softwareType: standalone/web", "softwareType: sito");
        assertThat(wrongType).isNotEqualTo(valid);
        assertThat(schema.validate(wrongType, InputFormat.YAML)).isNotEmpty();

        String noVersion = valid.replace("  countryExtensionVersion: \"1.0\"\n", "");
        assertThat(noVersion).isNotEqualTo(valid);
        assertThat(schema.validate(noVersion, InputFormat.YAML)).extracting(Error::getProperty)
                .contains("countryExtensionVersion");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publiccodeYmlSaysWhatTheRepositoryHolds() throws IOException {
        Map<String, Object> yml = new Yaml().load(Files.readString(PUBLICCODE));

        assertThat(yml).containsEntry("name", "Ricolloca").containsEntry("softwareType", "standalone/web");
        assertThat((List<String>) yml.get("platforms")).containsExactly("web");
        assertThat((Map<String, Object>) yml.get("legal")).containsEntry("license", "EUPL-1.2");
        Map<String, Object> italian = (Map<String, Object>) ((Map<String, Object>) yml.get("description")).get("it");
        assertThat((String) italian.get("shortDescription")).contains("Assegno di Ricollocazione").hasSizeLessThanOrEqualTo(150);
        assertThat((String) italian.get("longDescription")).hasSizeBetween(500, 10000);
        List<Map<String, Object>> open = (List<Map<String, Object>>) ((Map<String, Object>) yml.get("dependsOn")).get("open");
        assertThat(open).extracting(d -> d.get("name")).contains("PostgreSQL");
        assertThat((Map<String, Object>) yml.get("localisation")).containsEntry("availableLanguages", List.of("it"));
        assertThat((Map<String, Object>) yml.get("IT")).containsKey("countryExtensionVersion");
    }

    @Test
    void licenceIsTheWholeEupl12() throws IOException {
        String licence = Files.readString(Path.of("LICENSE"), StandardCharsets.UTF_8);

        assertThat(licence).startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2");
        for (String article : List.of("1.Definitions", "2.Scope of the rights granted by the Licence",
                "3.Communication of the Source Code", "4.Limitations on copyright", "5.Obligations of the Licensee",
                "6.Chain of Authorship", "7.Disclaimer of Warranty", "8.Disclaimer of Liability",
                "9.Additional agreements", "10.Acceptance of the Licence", "11.Information to the public",
                "12.Termination of the Licence", "13.Miscellaneous", "14.Jurisdiction", "15.Applicable Law",
                "Appendix", "Compatible Licences")) {
            assertThat(licence).as(article).contains(article);
        }
        assertThat(licence).endsWith("All other changes or additions to this Appendix require the production of a new EUPL version.");
    }

    private static Schema schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream in = PubliccodeYmlTest.class.getResourceAsStream("/publiccode/publiccode.schema.json")) {
            return registry.getSchema(in);
        }
    }
}
