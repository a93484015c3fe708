/**
 * Citizen data types (dữ liệu công dân): the 12-digit ID (số định danh cá nhân), the old CMND
 * number, names, partial dates, sex, and {@link vn.id06.core.citizen.CitizenRecord} with its
 * provenance. All types are immutable and mask personal data in {@code toString()}.
 */
package vn.id06.core.citizen;
