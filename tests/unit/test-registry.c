/* test-registry.c -- the fixer registry: order, lookup, and that every
   fixer is well formed (rule codes unique and shaped, options described) */
#include <config.h>
#include <ctype.h>
#include <string.h>
#include "fixer.h"
#include "tap.h"

static int
index_of (const char *name)
{
  int i;
  for (i = 0; vn_registry[i]; i++)
    if (!strcmp (vn_registry[i]->name, name))
      return i;
  return -1;
}

int
main (void)
{
  int i, j;

  ok (index_of ("entities") >= 0 && index_of ("space") >= 0,
      "entities and space are registered");
  ok (index_of ("entities") < index_of ("space"),
      "entities runs before space (DESIGN.md order)");
  ok (index_of ("tones") < index_of ("repeats")
      && index_of ("repeats") < index_of ("space"),
      "repeats runs after tones and before space (DESIGN.md order)");
  ok (index_of ("tones") < index_of ("captions")
      && index_of ("captions") < index_of ("bylines")
      && index_of ("bylines") < index_of ("boilerplate")
      && index_of ("boilerplate") < index_of ("space"),
      "captions, bylines, boilerplate run after tones, before space");
  ok (vn_fixer_find ("entities") == &vn_fixer_entities, "find by name");
  ok (vn_fixer_find ("vn-space") == &vn_fixer_space, "find by filter name");
  ok (vn_fixer_find ("nosuch") == NULL, "unknown name");

  for (i = 0; vn_registry[i]; i++)
    {
      const struct vn_fixer *f = vn_registry[i];
      const struct vn_rule *r;
      int shaped = 1, described = 1;

      ok ((f->line != NULL) != (f->document != NULL) && f->summary
          && *f->summary, "%s: has a line or a document function (one) and "
          "a summary", f->name);
      ok (!strncmp (f->filter, "vn-", 3) && !strcmp (f->filter + 3, f->name),
          "%s: its filter is vn-%s", f->name, f->name);
      for (r = f->rules; r->code; r++)
        {
          shaped &= strlen (r->code) == 4 && isupper ((unsigned char) r->code[0])
            && isdigit ((unsigned char) r->code[1]) && r->summary && *r->summary;
          for (j = 0; vn_registry[j]; j++)
            {
              const struct vn_rule *s;
              for (s = vn_registry[j]->rules; s->code; s++)
                if (s != r && !strcmp (s->code, r->code))
                  shaped = 0;
            }
        }
      ok (shaped, "%s: rule codes are a letter and three digits, unique, "
          "with a summary", f->name);
      if (f->options)
        {
          const struct vn_fixer_option *o;
          for (o = f->options; o->name; o++)
            described &= o->help && *o->help && f->set_option
              && (!o->has_arg || o->arg_name);
        }
      ok (described, "%s: every option has help and a setter", f->name);
    }

  /* vn-clean offers every fixer's options at once: an option two fixers
     share must mean one thing (same argument), and none may take the name
     of a common option. */
  {
    static const char *const common[] = {
      "check", "diff", "stats", "in-place", "output", "jsonl", "doc-sep",
      "invalid", "help", "version", "only", "skip", "list", NULL
    };
    int clash = 0, k;
    for (i = 0; vn_registry[i]; i++)
      {
        const struct vn_fixer_option *o;
        for (o = vn_registry[i]->options; o && o->name; o++)
          {
            for (k = 0; common[k]; k++)
              clash |= !strcmp (o->name, common[k]);
            for (j = 0; j < i; j++)
              {
                const struct vn_fixer_option *p;
                for (p = vn_registry[j]->options; p && p->name; p++)
                  clash |= !strcmp (p->name, o->name)
                    && p->has_arg != o->has_arg;
              }
          }
      }
    ok (!clash, "fixer options shared by name agree, and none is a common "
        "option");
  }
  return tap_done ();
}
