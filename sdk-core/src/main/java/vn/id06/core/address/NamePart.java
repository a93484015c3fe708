package vn.id06.core.address;

/**
 * One component of an address ("Xã Phước Lộc") with its lookup keys, computed once. Immutable.
 *
 * @param text the component as written
 * @param key the key of the whole component
 * @param strippedKey the key without its type word, or null when it has none
 * @param typeWord the canonical type word ("Xã") when there is one, or null
 * @param rest the component without its type word, or null
 */
record NamePart(String text, String key, String strippedKey, String typeWord, String rest) {

  static NamePart of(String text) {
    String[] stripped = PlaceNames.stripType(text);
    String key = PlaceNames.key(text);
    if (stripped == null) {
      return new NamePart(text, key, null, null, null);
    }
    return new NamePart(text, key, PlaceNames.key(stripped[0]), stripped[1], stripped[0]);
  }

  String toneKey(boolean stripped) {
    return PlaceNames.toneKey(stripped ? rest : text);
  }
}
