package gov.appeals.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** appeal-intake (受理): the door of the 12345 hotline and the portal, and the status they read. */
@SpringBootApplication
@EnableScheduling
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
