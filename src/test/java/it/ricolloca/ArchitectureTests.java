package it.ricolloca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "it.ricolloca", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule nothingOutsideWebDependsOnAModuleWebLayer = noClasses()
            .that().resideOutsideOfPackage("it.ricolloca..web..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("it.ricolloca..web..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("it.ricolloca.shared.web.."))))
            .because("a module's web layer is its outermost one");

    @ArchTest
    static final ArchRule entitiesAreNotInWebPackages = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule noFieldInjection = fields()
            .should().notBeAnnotatedWith(Autowired.class)
            .because("dependencies come through constructors");

    @ArchTest
    static final ArchRule sharedDependsOnNoModule = noClasses()
            .that().resideInAPackage("it.ricolloca.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("it.ricolloca.network..", "it.ricolloca.accounts..",
                    "it.ricolloca.audit..");

    @ArchTest
    static final ArchRule webDoesNotUseJdbcDirectly = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    @ArchTest
    static final ArchRule webBuildsNoFileFormats = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.apache.commons.csv..")
            .because("XLSX and CSV are written by shared.tabular (TabularWriter, TabularDownload)");

    @ArchTest
    static final ArchRule controllersBuildNoAccessRefusals = noClasses()
            .that().resideInAPackage("..web..")
            .should().callConstructor(AccessDeniedException.class, String.class)
            .because("a refusal comes from the module's rights through the shared guard (ActGuard)");
}
