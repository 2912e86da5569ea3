// Compute kernels timed by the benchmark suite in ScriptRunner and in node (V8) on the same module bytes.
// Every kernel takes its size as a parameter and returns a checksum, so the compiler cannot fold the work away
// and both engines can be checked to compute the same answer. No libc calls: the module has no imports.
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("fib") int32_t fib(int32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

#define SIEVE_MAX (1 << 24)
static uint8_t composite[SIEVE_MAX];

// Counts the primes below n (n <= 2^24).
EXPORT("sieve") int32_t sieve(int32_t n) {
    if (n > SIEVE_MAX) n = SIEVE_MAX;
    for (int32_t i = 0; i < n; i++) composite[i] = 0;
    int32_t count = 0;
    for (int32_t i = 2; i < n; i++) {
        if (composite[i]) continue;
        count++;
        for (int64_t j = (int64_t)i * i; j < n; j += i) composite[j] = 1;
    }
    return count;
}

#define MAT_MAX 256
static double ma[MAT_MAX * MAT_MAX], mb[MAT_MAX * MAT_MAX], mc[MAT_MAX * MAT_MAX];

// Multiplies two deterministic n x n matrices (n <= 256) and returns the sum of the product's elements.
EXPORT("matmul") double matmul(int32_t n) {
    if (n > MAT_MAX) n = MAT_MAX;
    for (int32_t i = 0; i < n; i++)
        for (int32_t j = 0; j < n; j++) {
            ma[i * n + j] = (double)((i * 7 + j * 3) % 17) / 16.0 - 0.5;
            mb[i * n + j] = (double)((i * 5 + j * 11) % 23) / 22.0 + 0.25;
        }
    for (int32_t i = 0; i < n; i++)
        for (int32_t j = 0; j < n; j++) {
            double sum = 0.0;
            for (int32_t k = 0; k < n; k++) sum += ma[i * n + k] * mb[k * n + j];
            mc[i * n + j] = sum;
        }
    double total = 0.0;
    for (int32_t i = 0; i < n * n; i++) total += mc[i];
    return total;
}

#define HASH_MAX (1 << 20)
static uint8_t hash_buffer[HASH_MAX];

// FNV-1a (64-bit) over a deterministic buffer of `length` bytes (<= 1 MiB), `rounds` times, chaining the seed.
EXPORT("fnv1a") int64_t fnv1a(int32_t length, int32_t rounds) {
    if (length > HASH_MAX) length = HASH_MAX;
    uint32_t state = 2463534242u;
    for (int32_t i = 0; i < length; i++) {
        state ^= state << 13; state ^= state >> 17; state ^= state << 5;
        hash_buffer[i] = (uint8_t)state;
    }
    uint64_t hash = 14695981039346656037ull;
    for (int32_t r = 0; r < rounds; r++)
        for (int32_t i = 0; i < length; i++) {
            hash ^= hash_buffer[i];
            hash *= 1099511628211ull;
        }
    return (int64_t)hash;
}

// The classic n-body simulation of the Jovian planets; returns the energy after `steps` steps.
typedef struct { double x, y, z, vx, vy, vz, mass; } body;

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define BODIES 5

static double energy(const body *bodies) {
    double e = 0.0;
    for (int i = 0; i < BODIES; i++) {
        const body *b = &bodies[i];
        e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
        for (int j = i + 1; j < BODIES; j++) {
            const body *c = &bodies[j];
            double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
            e -= (b->mass * c->mass) / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

EXPORT("nbody") double nbody(int32_t steps) {
    body bodies[BODIES] = {
        {0, 0, 0, 0, 0, 0, SOLAR_MASS},
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
    };
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < BODIES; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;

    const double dt = 0.01;
    for (int32_t s = 0; s < steps; s++) {
        for (int i = 0; i < BODIES; i++) {
            body *b = &bodies[i];
            for (int j = i + 1; j < BODIES; j++) {
                body *c = &bodies[j];
                double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * __builtin_sqrt(d2));
                b->vx -= dx * c->mass * mag; b->vy -= dy * c->mass * mag; b->vz -= dz * c->mass * mag;
                c->vx += dx * b->mass * mag; c->vy += dy * b->mass * mag; c->vz += dz * b->mass * mag;
            }
        }
        for (int i = 0; i < BODIES; i++) {
            body *b = &bodies[i];
            b->x += dt * b->vx; b->y += dt * b->vy; b->z += dt * b->vz;
        }
    }
    return energy(bodies);
}
