package com.blogplatform.auth.nats;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.session.InProcessAuthPort;
import com.blogplatform.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The port contract, bound in-process. */
@ApiTest
class InProcessAuthPortContractTests extends AuthPortContract {

	@Autowired
	InProcessAuthPort inProcess;

	@Override
	AuthPort port() {
		return inProcess;
	}
}
