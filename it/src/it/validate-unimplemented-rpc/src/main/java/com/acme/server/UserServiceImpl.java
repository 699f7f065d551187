package com.acme.server;

import com.acme.user.v1.GetUserRequest;
import com.acme.user.v1.User;
import com.acme.user.v1.UserServiceGrpc;
import io.grpc.stub.StreamObserver;

/** Implements GetUser only: DeleteUser and WatchUsers would answer UNIMPLEMENTED. */
public class UserServiceImpl extends UserServiceGrpc.UserServiceImplBase {
    @Override
    public void getUser(GetUserRequest request, StreamObserver<User> responseObserver) {
        responseObserver.onNext(User.newBuilder().setId(request.getId()).build());
        responseObserver.onCompleted();
    }
}
