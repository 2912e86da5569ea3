/* A WASI command: echoes its arguments, an environment variable and stdin, then exits with a chosen code. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]=%s\n", i, argv[i]);
    }

    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");

    char line[256];
    int lines = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        for (char *c = line; *c; c++) {
            *c = (char)toupper((unsigned char)*c);
        }
        printf("stdin: %s", line);
        lines++;
    }
    printf("stdin lines=%d\n", lines);
    fprintf(stderr, "to stderr\n");

    const char *mode = getenv("MODE");
    if (mode != NULL && strcmp(mode, "abort") == 0) {
        abort();
    }
    if (mode != NULL && strcmp(mode, "exit") == 0) {
        exit(42);
    }
    const char *code = getenv("EXIT_CODE");
    return code != NULL ? atoi(code) : 0;
}
