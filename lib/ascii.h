/* ascii.h -- ASCII classes for syntax (entities, JSON, numbers): fixed
   ranges, never <ctype.h>, whose answers depend on the locale */
#ifndef VN_ASCII_H
#define VN_ASCII_H

static inline int
vn_is_digit (unsigned char c)
{
  return c >= '0' && c <= '9';
}

static inline int
vn_is_upper (unsigned char c)
{
  return c >= 'A' && c <= 'Z';
}

static inline int
vn_is_lower (unsigned char c)
{
  return c >= 'a' && c <= 'z';
}

static inline int
vn_is_alnum (unsigned char c)
{
  return vn_is_digit (c) || vn_is_upper (c) || vn_is_lower (c);
}

/* The value of the hex digit C, or -1. */
static inline int
vn_hex_value (unsigned char c)
{
  if (vn_is_digit (c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

#endif
