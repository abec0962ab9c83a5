/* sse.h -- bytes tested sixteen at a time with SSE2, for the fast paths
   that pass over plain text (vn-unicode, vn-punct, vn-recode) */
#ifndef VN_SSE_H
#define VN_SSE_H

#ifdef __SSE2__
# include <emmintrin.h>

/* 0xFF in each byte of V equal to C, else 0. */
static inline __m128i
vn_sse_eq (__m128i v, unsigned char c)
{
  return _mm_cmpeq_epi8 (v, _mm_set1_epi8 ((char) c));
}

/* 0xFF in each byte of V from LO to HI (unsigned), else 0: V - LO is at
   most HI - LO exactly then, and subtracting HI - LO with saturation
   leaves zero. */
static inline __m128i
vn_sse_in_range (__m128i v, unsigned char lo, unsigned char hi)
{
  return _mm_cmpeq_epi8 (_mm_subs_epu8 (_mm_sub_epi8 (v, _mm_set1_epi8 ((char) lo)),
                                        _mm_set1_epi8 ((char) (hi - lo))),
                         _mm_setzero_si128 ());
}
#endif

#endif
