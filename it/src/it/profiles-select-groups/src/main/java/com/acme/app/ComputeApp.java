package com.acme.app;

import dev.switchboard.it.switchboard.ServiceClients;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Compiles only against a factory generated with the compute group. */
public final class ComputeApp {
    private ComputeApp() {}

    public static Object[] computeClients(ServiceClients clients) {
        Ec2Client ec2 = clients.ec2();
        LambdaClient lambda = clients.lambda();
        AutoScalingClient autoscaling = clients.autoScaling();
        return new Object[] {ec2, lambda, autoscaling};
    }
}
