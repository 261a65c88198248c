/* gad-person.h — a client of the social service
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GAD_TYPE_PERSON (gad_person_get_type ())
G_DECLARE_FINAL_TYPE (GadPerson, gad_person, GAD, PERSON, GObject)

GadPerson  *gad_person_new               (void);
GadPerson  *gad_person_copy              (GadPerson  *self);
gint64      gad_person_get_id            (GadPerson  *self);
const char *gad_person_get_code          (GadPerson  *self);
const char *gad_person_get_first_name    (GadPerson  *self);
const char *gad_person_get_last_name     (GadPerson  *self);
const char *gad_person_get_gender        (GadPerson  *self);
const char *gad_person_get_birth_date    (GadPerson  *self);
const char *gad_person_get_address       (GadPerson  *self);
const char *gad_person_get_phone         (GadPerson  *self);
gint64      gad_person_get_territory_id  (GadPerson  *self);
const char *gad_person_get_territory     (GadPerson  *self);
const char *gad_person_get_worker        (GadPerson  *self);
guint       gad_person_get_open_cases    (GadPerson  *self);
gint64      gad_person_get_version       (GadPerson  *self);
guint       gad_person_get_disability_group (GadPerson *self);
char       *gad_person_dup_full_name     (GadPerson  *self);
char       *gad_person_dup_code_display  (GadPerson  *self);

G_END_DECLS
