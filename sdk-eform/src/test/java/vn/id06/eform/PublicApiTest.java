package vn.id06.eform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public API uses JDK types and id06's own only: swapping a library must not break users. */
class PublicApiTest {
  private static final List<Class<?>> PUBLIC =
      List.of(
          Binding.class,
          ChoiceOption.class,
          Conflict.class,
          FieldType.class,
          FieldValidation.class,
          FormDefinition.class,
          FormField.class,
          FormSealer.class,
          FormSealer.Builder.class,
          FormSubmission.class,
          FormTemplates.class,
          FormValidator.class,
          LegalForm.class,
          LocalizedText.class,
          LockPolicy.class,
          PrefilledForm.class,
          PrefilledValue.class,
          Prefiller.class,
          Prefiller.Builder.class,
          SealKeys.class,
          SealVerification.class,
          Tampering.class,
          ValidationMessage.class,
          ValidationRule.class);

  @Test
  void noThirdPartyTypeInAPublicSignature() {
    List<String> offending = new ArrayList<>();
    for (Class<?> c : PUBLIC) {
      List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
      members.addAll(List.of(c.getDeclaredConstructors()));
      for (Executable m : members) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        types.addAll(List.of(m.getGenericExceptionTypes()));
        if (m instanceof java.lang.reflect.Method method) {
          types.add(method.getGenericReturnType());
        }
        for (Type t : types) {
          String name = t.getTypeName();
          if (name.matches(
              ".*\\b(com\\.fasterxml|com\\.nimbusds|com\\.networknt|org\\.slf4j)\\..*")) {
            offending.add(c.getSimpleName() + "." + m.getName() + ": " + name);
          }
        }
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void noPublicConstructorsOnTheEngines() {
    for (Class<?> c :
        List.of(FormSealer.class, Prefiller.class, FormValidator.class, FormTemplates.class)) {
      assertThat(c.getConstructors()).as(c.getSimpleName()).isEmpty();
    }
  }
}
