/* walk.c -- the files under a directory, in a stable order, chosen by glob */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "buf.h"
#include "diag.h"
#include "walk.h"

/* Does a pattern of PATS[0..N) match the entry NAME at REL (its path under
   the root)? */
static int
any_match (const char **pats, size_t n, const char *name, const char *rel)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (fnmatch (pats[i], strchr (pats[i], '/') ? rel : name,
                 FNM_PATHNAME) == 0)
      return 1;
  return 0;
}

static int
by_name (const struct dirent **a, const struct dirent **b)
{
  return strcmp ((*a)->d_name, (*b)->d_name);
}

/* Walk PATH (a directory, REL under the root: ROOT_LEN bytes of PATH are
   the root and its '/'). */
static int
walk (struct vn_buf *path, size_t root_len, const struct vn_globs *g,
      void (*fn) (void *, const char *), void *arg)
{
  struct dirent **ents;
  size_t len = path->len, i;
  int n, rc = 0;

  vn_buf_putc (path, '\0');
  n = scandir (path->p, &ents, NULL, by_name);
  if (n < 0)
    {
      vn_error (0, errno, "%s", path->p);
      path->len = len;
      return -1;
    }
  for (i = 0; i < (size_t) n; i++)
    {
      const char *name = ents[i]->d_name;
      struct stat st;

      if (name[0] == '.')
        {
          free (ents[i]);
          continue;
        }
      path->len = len;
      if (len && path->p[len - 1] != '/')
        vn_buf_putc (path, '/');
      vn_buf_puts (path, name);
      vn_buf_putc (path, '\0');
      path->len--;
      if (lstat (path->p, &st) < 0)
        {
          vn_error (0, errno, "%s", path->p);
          rc = -1;
        }
      else if (S_ISDIR (st.st_mode))
        {
          if (!any_match (g->exclude, g->nexclude, name,
                          path->p + root_len))
            rc |= walk (path, root_len, g, fn, arg);
        }
      else if ((S_ISREG (st.st_mode)
                || (S_ISLNK (st.st_mode) && stat (path->p, &st) == 0
                    && S_ISREG (st.st_mode)))
               && (!g->ninclude
                   || any_match (g->include, g->ninclude, name,
                                 path->p + root_len))
               && !any_match (g->exclude, g->nexclude, name,
                              path->p + root_len))
        fn (arg, path->p);
      free (ents[i]);
    }
  free (ents);
  path->len = len;
  return rc;
}

int
vn_walk (const char *dir, const struct vn_globs *globs,
         void (*fn) (void *arg, const char *path), void *arg)
{
  struct vn_buf path = { 0 };
  size_t root;
  int rc;

  vn_buf_puts (&path, dir);
  root = path.len + (path.len && dir[path.len - 1] != '/');
  rc = walk (&path, root, globs, fn, arg);
  vn_buf_free (&path);
  return rc;
}
