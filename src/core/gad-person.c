/* gad-person.c — a client of the social service
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-person"

#include "config.h"

#include "gad-personal-code.h"
#include "gad-person.h"

struct _GadPerson
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *first_name;
  char *last_name;
  char *gender;
  char *birth_date;
  char *address;
  char *phone;
  gint64 territory_id;
  char *territory;
  char *worker;
  guint open_cases;
  gint64 version;
  guint disability_group;
};

G_DEFINE_FINAL_TYPE (GadPerson, gad_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_GENDER,
  PROP_BIRTH_DATE,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_TERRITORY_ID,
  PROP_TERRITORY,
  PROP_WORKER,
  PROP_OPEN_CASES,
  PROP_FULL_NAME,
  PROP_CODE_DISPLAY,
  PROP_VERSION,
  PROP_DISABILITY_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The string fields, indexed by property id, so get/set/finalize stay one loop each. */
static char **
string_field (GadPerson *self,
              guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_CODE: return &self->code;
    case PROP_FIRST_NAME: return &self->first_name;
    case PROP_LAST_NAME: return &self->last_name;
    case PROP_GENDER: return &self->gender;
    case PROP_BIRTH_DATE: return &self->birth_date;
    case PROP_ADDRESS: return &self->address;
    case PROP_PHONE: return &self->phone;
    case PROP_TERRITORY: return &self->territory;
    case PROP_WORKER: return &self->worker;
    default: return NULL;
    }
}

static void
gad_person_finalize (GObject *object)
{
  GadPerson *self = GAD_PERSON (object);

  for (guint i = PROP_CODE; i <= PROP_WORKER; i++)
    {
      char **field = string_field (self, i);
      if (field)
        g_free (*field);
    }
  G_OBJECT_CLASS (gad_person_parent_class)->finalize (object);
}

static void
gad_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GadPerson *self = GAD_PERSON (object);
  char **field = string_field (self, prop_id);

  if (field)
    {
      g_value_set_string (value, *field ? *field : "");
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TERRITORY_ID:
      g_value_set_int64 (value, self->territory_id);
      break;
    case PROP_OPEN_CASES:
      g_value_set_uint (value, self->open_cases);
      break;
    case PROP_FULL_NAME:
      g_value_take_string (value, gad_person_dup_full_name (self));
      break;
    case PROP_CODE_DISPLAY:
      g_value_take_string (value, gad_person_dup_code_display (self));
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_DISABILITY_GROUP:
      g_value_set_uint (value, self->disability_group);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_person_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GadPerson *self = GAD_PERSON (object);
  char **field = string_field (self, prop_id);

  if (field)
    {
      const char *s = g_value_get_string (value);
      g_free (*field);
      *field = g_strdup (s && *s ? s : NULL);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_TERRITORY_ID:
      self->territory_id = g_value_get_int64 (value);
      break;
    case PROP_OPEN_CASES:
      self->open_cases = g_value_get_uint (value);
      break;
    case PROP_VERSION:
      self->version = g_value_get_int64 (value);
      break;
    case PROP_DISABILITY_GROUP:
      self->disability_group = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_person_class_init (GadPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  static const char *string_names[] = {
    [PROP_CODE] = "code", [PROP_FIRST_NAME] = "first-name", [PROP_LAST_NAME] = "last-name",
    [PROP_GENDER] = "gender", [PROP_BIRTH_DATE] = "birth-date", [PROP_ADDRESS] = "address",
    [PROP_PHONE] = "phone", [PROP_TERRITORY] = "territory", [PROP_WORKER] = "worker",
  };

  object_class->finalize = gad_person_finalize;
  object_class->get_property = gad_person_get_property;
  object_class->set_property = gad_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = PROP_CODE; i <= PROP_WORKER; i++)
    if (string_names[i])
      properties[i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, rw);
  properties[PROP_TERRITORY_ID] =
    g_param_spec_int64 ("territory-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OPEN_CASES] = g_param_spec_uint ("open-cases", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, ro);
  properties[PROP_CODE_DISPLAY] = g_param_spec_string ("code-display", NULL, NULL, NULL, ro);
  /* The stored version this copy was read at; 0 for a person not yet saved. */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* Disability group I–III; 0 for none. */
  properties[PROP_DISABILITY_GROUP] =
    g_param_spec_uint ("disability-group", NULL, NULL, 0, 3, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gad_person_init (GadPerson *self)
{
}

GadPerson *
gad_person_new (void)
{
  return g_object_new (GAD_TYPE_PERSON, NULL);
}

/* A detached copy, so an edit dialog never changes the row the list shows. */
GadPerson *
gad_person_copy (GadPerson *self)
{
  GadPerson *copy = gad_person_new ();

  g_return_val_if_fail (GAD_IS_PERSON (self), NULL);

  copy->id = self->id;
  copy->territory_id = self->territory_id;
  copy->open_cases = self->open_cases;
  copy->version = self->version;
  copy->disability_group = self->disability_group;
  for (guint i = PROP_CODE; i <= PROP_WORKER; i++)
    {
      char **from = string_field (self, i);
      if (from)
        *string_field (copy, i) = g_strdup (*from);
    }
  return copy;
}

#define STRING_GETTER(name) \
  const char *gad_person_get_##name (GadPerson *self) \
  { \
    g_return_val_if_fail (GAD_IS_PERSON (self), NULL); \
    return self->name ? self->name : ""; \
  }

STRING_GETTER (code)
STRING_GETTER (first_name)
STRING_GETTER (last_name)
STRING_GETTER (gender)
STRING_GETTER (birth_date)
STRING_GETTER (address)
STRING_GETTER (phone)
STRING_GETTER (territory)
STRING_GETTER (worker)

gint64
gad_person_get_id (GadPerson *self)
{
  g_return_val_if_fail (GAD_IS_PERSON (self), 0);
  return self->id;
}

gint64
gad_person_get_territory_id (GadPerson *self)
{
  g_return_val_if_fail (GAD_IS_PERSON (self), 0);
  return self->territory_id;
}

guint
gad_person_get_open_cases (GadPerson *self)
{
  g_return_val_if_fail (GAD_IS_PERSON (self), 0);
  return self->open_cases;
}

/* "Surname Name", as registries in Latvia list people. */
char *
gad_person_dup_full_name (GadPerson *self)
{
  g_return_val_if_fail (GAD_IS_PERSON (self), NULL);
  return g_strdup_printf ("%s %s", gad_person_get_last_name (self),
                          gad_person_get_first_name (self));
}

char *
gad_person_dup_code_display (GadPerson *self)
{
  g_return_val_if_fail (GAD_IS_PERSON (self), NULL);
  return gad_personal_code_format (gad_person_get_code (self));
}

gint64
gad_person_get_version (GadPerson *self)
{
  g_return_val_if_fail (GAD_IS_PERSON (self), 0);
  return self->version;
}

guint
gad_person_get_disability_group (GadPerson *self)
{
  g_return_val_if_fail (GAD_IS_PERSON (self), 0);
  return self->disability_group;
}
