/**
 * Shared kernel: the response envelope, the one place that maps errors to it, validation message
 * formatting and the security building blocks every module's filter chain is assembled from.
 * It knows no module; modules may use all of it.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package com.blogplatform.shared;

import org.springframework.modulith.ApplicationModule;
