// A small module (a few functions, a data segment, one page of memory) for instantiation-time runs.
#include <stdint.h>

static const char greeting[] = "hello from a small module";
static int32_t counter = 7;

__attribute__((export_name("greeting_length"))) int32_t greeting_length(void) {
    int32_t n = 0;
    while (greeting[n]) n++;
    return n;
}

__attribute__((export_name("bump"))) int32_t bump(int32_t by) {
    counter += by;
    return counter;
}
