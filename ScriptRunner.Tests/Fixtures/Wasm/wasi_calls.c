/* Exercises the WASI clock, random, poll and stdio-descriptor calls through wasi-libc and prints what it observed. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct timespec res, before, after, real;
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("monotonic resolution positive=%d\n", res.tv_sec > 0 || res.tv_nsec > 0);

    clock_gettime(CLOCK_REALTIME, &real);
    printf("realtime after 2020=%d\n", real.tv_sec > 1577836800);

    clock_gettime(CLOCK_MONOTONIC, &before);
    struct timespec nap = {0, 20 * 1000 * 1000};
    int slept = nanosleep(&nap, NULL);
    clock_gettime(CLOCK_MONOTONIC, &after);
    long long elapsed_ns = (after.tv_sec - before.tv_sec) * 1000000000LL + (after.tv_nsec - before.tv_nsec);
    printf("nanosleep=%d slept at least 20ms=%d\n", slept, elapsed_ns >= 20 * 1000 * 1000);

    printf("sched_yield=%d\n", sched_yield());

    unsigned char bytes[64];
    memset(bytes, 0, sizeof bytes);
    int rc = getentropy(bytes, sizeof bytes);
    int nonzero = 0;
    for (size_t i = 0; i < sizeof bytes; i++) nonzero += bytes[i] != 0;
    printf("getentropy=%d nonzero bytes>32=%d\n", rc, nonzero > 32);

    printf("isatty(1)=%d\n", isatty(1));

    struct stat st;
    printf("fstat(0)=%d chardev=%d\n", fstat(0, &st), S_ISCHR(st.st_mode));

    errno = 0;
    off_t pos = lseek(1, 0, SEEK_CUR);
    printf("lseek(1)=%lld errno=%s\n", (long long)pos, errno == ESPIPE ? "ESPIPE" : strerror(errno));

    errno = 0;
    int fd = open("/etc/passwd", O_RDONLY);
    printf("open=%d errno=%s\n", fd, errno == ENOENT ? "ENOENT" : errno == ENOTCAPABLE ? "ENOTCAPABLE" : strerror(errno));

    errno = 0;
    ssize_t w = write(7, "x", 1);
    printf("write(7)=%zd errno=%s\n", w, errno == EBADF ? "EBADF" : strerror(errno));
    return 0;
}
