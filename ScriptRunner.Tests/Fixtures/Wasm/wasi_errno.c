/* Calls every WASI preview1 function the sandbox does not support (and supported ones on bad descriptors) directly
 * and prints the errno each one answers, one `name=errno` line per call. */
#include <stdio.h>
#include <wasi/api.h>

#define REPORT(name, call) printf("%s=%d\n", name, (int)(call))

int main(void) {
    static char buf[64];
    __wasi_size_t size = 0;
    __wasi_fd_t fd = 0;
    __wasi_filesize_t offset = 0;
    __wasi_filestat_t filestat;
    __wasi_prestat_t prestat;
    __wasi_fdstat_t fdstat;
    __wasi_ciovec_t ciov = {(const uint8_t *)"x", 1};
    __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf};
    __wasi_roflags_t roflags;

    REPORT("fd_write(9)", __wasi_fd_write(9, &ciov, 1, &size));
    REPORT("fd_write(0)", __wasi_fd_write(0, &ciov, 1, &size));
    REPORT("fd_read(1)", __wasi_fd_read(1, &iov, 1, &size));
    REPORT("fd_read(9)", __wasi_fd_read(9, &iov, 1, &size));
    REPORT("fd_fdstat_get(9)", __wasi_fd_fdstat_get(9, &fdstat));
    REPORT("fd_prestat_get(3)", __wasi_fd_prestat_get(3, &prestat));
    REPORT("fd_prestat_dir_name(3)", __wasi_fd_prestat_dir_name(3, (uint8_t *)buf, sizeof buf));
    REPORT("fd_seek(1)", __wasi_fd_seek(1, 0, __WASI_WHENCE_CUR, &offset));
    REPORT("fd_seek(9)", __wasi_fd_seek(9, 0, __WASI_WHENCE_CUR, &offset));
    REPORT("fd_tell(1)", __wasi_fd_tell(1, &offset));
    REPORT("fd_filestat_get(9)", __wasi_fd_filestat_get(9, &filestat));
    REPORT("fd_close(9)", __wasi_fd_close(9));
    REPORT("fd_pread(0)", __wasi_fd_pread(0, &iov, 1, 0, &size));
    REPORT("fd_pwrite(1)", __wasi_fd_pwrite(1, &ciov, 1, 0, &size));
    REPORT("fd_advise(1)", __wasi_fd_advise(1, 0, 0, __WASI_ADVICE_NORMAL));
    REPORT("fd_allocate(1)", __wasi_fd_allocate(1, 0, 1));
    REPORT("fd_datasync(9)", __wasi_fd_datasync(9));
    REPORT("fd_sync(9)", __wasi_fd_sync(9));
    REPORT("fd_fdstat_set_flags(1)", __wasi_fd_fdstat_set_flags(1, __WASI_FDFLAGS_NONBLOCK));
    REPORT("fd_fdstat_set_rights(1)", __wasi_fd_fdstat_set_rights(1, 0, 0));
    REPORT("fd_filestat_set_size(1)", __wasi_fd_filestat_set_size(1, 0));
    REPORT("fd_filestat_set_times(1)", __wasi_fd_filestat_set_times(1, 0, 0, 0));
    REPORT("fd_readdir(0)", __wasi_fd_readdir(0, (uint8_t *)buf, sizeof buf, 0, &size));
    REPORT("fd_readdir(9)", __wasi_fd_readdir(9, (uint8_t *)buf, sizeof buf, 0, &size));
    REPORT("fd_renumber(9,1)", __wasi_fd_renumber(9, 1));
    REPORT("path_create_directory(3)", __wasi_path_create_directory(3, "d"));
    REPORT("path_filestat_get(3)", __wasi_path_filestat_get(3, 0, "f", &filestat));
    REPORT("path_filestat_set_times(3)", __wasi_path_filestat_set_times(3, 0, "f", 0, 0, 0));
    REPORT("path_link(3)", __wasi_path_link(3, 0, "a", 3, "b"));
    REPORT("path_open(3)", __wasi_path_open(3, 0, "f", 0, 0, 0, 0, &fd));
    REPORT("path_open(0)", __wasi_path_open(0, 0, "f", 0, 0, 0, 0, &fd));
    REPORT("path_readlink(3)", __wasi_path_readlink(3, "l", (uint8_t *)buf, sizeof buf, &size));
    REPORT("path_remove_directory(3)", __wasi_path_remove_directory(3, "d"));
    REPORT("path_rename(3)", __wasi_path_rename(3, "a", 3, "b"));
    REPORT("path_symlink(3)", __wasi_path_symlink("a", 3, "b"));
    REPORT("path_unlink_file(3)", __wasi_path_unlink_file(3, "f"));
    REPORT("sock_accept(0)", __wasi_sock_accept(0, 0, &fd));
    REPORT("sock_accept(9)", __wasi_sock_accept(9, 0, &fd));
    REPORT("sock_recv(0)", __wasi_sock_recv(0, &iov, 1, 0, &size, &roflags));
    REPORT("sock_send(1)", __wasi_sock_send(1, &ciov, 1, 0, &size));
    REPORT("sock_shutdown(1)", __wasi_sock_shutdown(1, __WASI_SDFLAGS_RD));
    REPORT("sock_shutdown(9)", __wasi_sock_shutdown(9, __WASI_SDFLAGS_RD));
    REPORT("clock_time_get(99)", __wasi_clock_time_get(99, 0, &offset));
    REPORT("clock_res_get(99)", __wasi_clock_res_get(99, &offset));
    REPORT("poll_oneoff(0 subscriptions)", __wasi_poll_oneoff(NULL, NULL, 0, &size));
    REPORT("fd_close(2)", __wasi_fd_close(2));
    REPORT("fd_write(2) after close", __wasi_fd_write(2, &ciov, 1, &size));
    return 0;
}
