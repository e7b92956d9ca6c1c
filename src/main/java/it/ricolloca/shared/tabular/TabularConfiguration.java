package it.ricolloca.shared.tabular;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the import limits ({@code ricolloca.imports.limits.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportLimits.class)
class TabularConfiguration {
}
