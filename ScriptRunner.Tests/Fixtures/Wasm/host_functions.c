/* Calls every host function of the `env` import module, interleaved with ordinary stdio. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOST_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

HOST_IMPORT(app_log) void app_log(const char *level, int level_len, const char *msg, int msg_len);
HOST_IMPORT(get_unixtime) long long get_unixtime(void);
HOST_IMPORT(capture_stdout) void capture_stdout(const char *text, int len);
HOST_IMPORT(capture_stderr) void capture_stderr(const char *text, int len);
HOST_IMPORT(fetch) int fetch(const char *options, int options_len, char *response, int response_max_len);

static void log_text(const char *level, const char *msg) {
    app_log(level, (int)strlen(level), msg, (int)strlen(msg));
}

static void out(const char *text) { capture_stdout(text, (int)strlen(text)); }

static char response[64 * 1024];

int main(int argc, char **argv) {
    log_text("info", "starting");
    printf("printf line 1\n");
    out("captured line 2\n");
    printf("printf line 3\n");
    capture_stderr("captured error\n", 15);
    fprintf(stderr, "stdio error\n");

    long long now = get_unixtime();
    printf("unixtime=%lld\n", now);

    if (argc > 1) {
        /* argv[1] is the URL; argv[2], when present, the response buffer size to offer. */
        int max = argc > 2 ? atoi(argv[2]) : (int)sizeof response;
        char options[1024];
        int len = snprintf(options, sizeof options,
            "{\"url\":\"%s\",\"method\":\"POST\",\"headers\":{\"X-Test\":\"yes\"},\"body\":\"ping\"}", argv[1]);
        int n = fetch(options, len, response, max);
        printf("fetch=%d\n", n);
        if (n > 0) {
            printf("response=%.*s\n", n, response);
        }
    }

    log_text("warn", "finished");
    return 0;
}
