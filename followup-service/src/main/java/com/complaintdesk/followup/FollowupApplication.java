package com.complaintdesk.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FollowupApplication {
    public static void main(String[] args) {
        SpringApplication.run(FollowupApplication.class, args);
    }
}
