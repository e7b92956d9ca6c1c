package it.ricolloca;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RicollocaApplication {

    public static void main(String[] args) {
        SpringApplication.run(RicollocaApplication.class, args);
    }
}
