/**
 * The HTTP load harness: a plain program in the jar that drives a running server's hot
 * endpoints and reports throughput and latency percentiles. It uses no other module; it
 * speaks to the server only over HTTP, as integrators do.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.luoshi.load;
