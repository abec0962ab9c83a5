/* walk.h -- the files under a directory, in a stable order, chosen by glob */
#ifndef VN_WALK_H
#define VN_WALK_H

/* Globs choose files: a pattern without '/' is matched against the file's
   name, one with '/' against its path under the directory walked
   (fnmatch(3) with FNM_PATHNAME).  No INCLUDE means every file. */
struct vn_globs
{
  const char **include, **exclude;
  size_t ninclude, nexclude;
};

/* Call FN (with ARG) for each regular file under the directory DIR, depth
   first, entries in byte order of their names; entries whose names start
   with '.' (.git, .cache) and symbolic links to directories are not
   entered; an excluded directory is not entered either.  A directory that
   cannot be read is reported and skipped.  Return 0, or -1 if anything
   could not be read. */
int vn_walk (const char *dir, const struct vn_globs *globs,
             void (*fn) (void *arg, const char *path), void *arg);

#endif
