/*
 * A WASI command that uses ScriptRunner's host functions (import module "env").
 *
 *   - logs through app_log (the response's "logs")
 *   - writes to stdout both with printf (WASI fd 1) and capture_stdout: the response keeps call order
 *   - reads the clock with get_unixtime
 *   - when the FETCH_URL environment variable is set, fetches it with GET and prints the JSON response
 *
 * Build: ./build.sh (clang --target=wasm32-wasi -O2 -o host_functions.wasm host_functions.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOST_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

HOST_IMPORT(app_log) void app_log(const char *level, int level_len, const char *msg, int msg_len);
HOST_IMPORT(get_unixtime) long long get_unixtime(void);
HOST_IMPORT(capture_stdout) void capture_stdout(const char *text, int len);
HOST_IMPORT(capture_stderr) void capture_stderr(const char *text, int len);
HOST_IMPORT(fetch) int fetch(const char *options, int options_len, char *response, int response_max_len);

/* The documented negative results of fetch. */
#define FETCH_POLICY_REFUSED -1
#define FETCH_NETWORK_ERROR -2
#define FETCH_TIMEOUT -3
#define FETCH_RESPONSE_TOO_LARGE -4
#define FETCH_INVALID_REQUEST -5

static void log_text(const char *level, const char *msg) {
    app_log(level, (int)strlen(level), msg, (int)strlen(msg));
}

static char response[256 * 1024];

int main(int argc, char **argv) {
    log_text("info", "sample started");

    const char *name = argc > 1 ? argv[1] : "world";
    printf("hello, %s\n", name);

    const char *note = "this line went through capture_stdout\n";
    capture_stdout(note, (int)strlen(note));

    printf("unix time: %lld\n", get_unixtime());

    const char *url = getenv("FETCH_URL");
    if (url != NULL) {
        char options[2048];
        int len = snprintf(options, sizeof options, "{\"url\":\"%s\",\"method\":\"GET\",\"headers\":{\"Accept\":\"application/json\"}}", url);
        int n = fetch(options, len, response, (int)sizeof response);
        if (n >= 0) {
            printf("fetched %d bytes: %.*s\n", n, n, response);
        } else {
            const char *why = n == FETCH_POLICY_REFUSED ? "refused by policy"
                : n == FETCH_NETWORK_ERROR ? "network error"
                : n == FETCH_TIMEOUT ? "timed out"
                : n == FETCH_RESPONSE_TOO_LARGE ? "response too large"
                : "invalid request";
            fprintf(stderr, "fetch failed: %s (%d)\n", why, n);
            log_text("error", why);
            return 2;
        }
    }

    const char *done = "done\n";
    capture_stderr(done, (int)strlen(done));
    log_text("info", "sample finished");
    return 0;
}
