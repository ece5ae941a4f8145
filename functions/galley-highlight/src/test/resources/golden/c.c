#include <stdio.h>
#include <stdlib.h>

/* Reads a whole file into memory; the caller frees it. */
static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    *len = (size_t) ftell(f);
    char *buf = malloc(*len + 1);
    buf[*len] = '\0'; // terminate for printf
    fclose(f);
    return buf;
}
