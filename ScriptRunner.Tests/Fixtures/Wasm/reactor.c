/* A WASI reactor (built with -mexec-model=reactor): `_initialize` runs the constructors, then exports are called. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int answer_value;

__attribute__((constructor)) static void init(void) {
    answer_value = 42;
}

__attribute__((export_name("answer"))) int answer(void) {
    return answer_value;
}

__attribute__((export_name("add"))) int add(int a, int b) {
    return a + b;
}

__attribute__((export_name("fib"))) int64_t fib(int n) {
    int64_t a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        int64_t t = a + b;
        a = b;
        b = t;
    }
    return a;
}

__attribute__((export_name("average"))) double average(double a, double b) {
    return (a + b) / 2;
}

__attribute__((export_name("greet"))) void greet(void) {
    const char *name = getenv("NAME");
    printf("hello, %s\n", name ? name : "world");
}
