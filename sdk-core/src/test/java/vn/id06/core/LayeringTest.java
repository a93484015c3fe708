package vn.id06.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of sdk-core: packages by capability without cycles, {@code internal} helpers that
 * depend on nothing above them, and implementations package-private beside their API.
 */
class LayeringTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("vn.id06.core");

  @Test
  void noPackageCycles() {
    slices().matching("vn.id06.core.(**)").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void internalDependsOnlyOnTheJdkSlf4jTheRootTypesAndItself() {
    classes()
        .that()
        .resideInAPackage("vn.id06.core.internal..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.slf4j..", "vn.id06.core", "vn.id06.core.internal..")
        .check(CORE);
  }

  @Test
  void implementationsArePackagePrivateBesideTheirApi() {
    classes()
        .that()
        .haveSimpleName("QrEngine")
        .or()
        .haveSimpleName("QrFields")
        .or()
        .haveSimpleName("Repairs")
        .or()
        .haveSimpleName("InputDamage")
        .or()
        .haveSimpleName("Legacy")
        .or()
        .haveSimpleName("Vietnamese")
        .should()
        .notBePublic()
        .andShould()
        .resideOutsideOfPackage("vn.id06.core.internal..")
        .check(CORE);
  }

  /**
   * The QR and text-repair packages make public only their API; every class that does one job of
   * the parse or the repair (layout, field typing, line encoding, mojibake, lost bytes, the
   * decision rule...) stays package-private beside it.
   */
  @Test
  void onlyTheApiOfQrAndTextIsPublic() {
    classes()
        .that()
        .resideInAnyPackage("vn.id06.core.qr", "vn.id06.core.text")
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveSimpleName("package-info")
        .and()
        .areNotInterfaces()
        .and()
        .doNotHaveFullyQualifiedName("vn.id06.core.qr.CardQr")
        .and()
        .doNotHaveFullyQualifiedName("vn.id06.core.qr.CardQrKind")
        .and()
        .doNotHaveFullyQualifiedName("vn.id06.core.qr.CardQrParser")
        .and()
        .doNotHaveFullyQualifiedName("vn.id06.core.text.TextRepairer")
        .and()
        .doNotHaveFullyQualifiedName("vn.id06.core.text.RepairedText")
        .and()
        .doNotHaveFullyQualifiedName("vn.id06.core.text.Repair")
        .and()
        .doNotHaveFullyQualifiedName("vn.id06.core.text.RepairKind")
        .should()
        .notBePublic()
        .check(CORE);
  }
}
