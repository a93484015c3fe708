/** Small byte and text helpers shared across id06's packages; not API. */
package vn.id06.core.internal.text;
