package gov.appeals.notification.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize the largest request body accepted, refused before any byte of it is read */
@ConfigurationProperties("appeals.http")
public record HttpLimits(DataSize maxBodySize) {
}
