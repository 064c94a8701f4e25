/* The sections of the C API test; each is one CTest test (capi.<name>). */
#ifndef CAPI_SECTIONS_H
#define CAPI_SECTIONS_H

void test_vectors(void); /* every golden vector decoded and encoded back byte for byte */
void test_fields(void);  /* every field of the vectors against their known values */
void test_errors(void);  /* broken input, limits, lenient warnings, bad arguments */
void test_builder(void); /* values built from C, encoded to the golden bytes */
void test_dissect(void); /* dissect regions: tiling, totals, paths, early stop */
void test_family(void);  /* the client-record family: types by name, its vectors both ways, its fields */
void test_records(void); /* any record by its schema: a generic walk, elements, properties, JSON, generated values */
void test_calls(void);   /* the calls: the table, golden stubs both ways, parameters, dissection, errors */

#endif
